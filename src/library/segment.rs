//! One segment of the library index: an immutable file holding documents,
//! their clauses' text, BM25 postings and phrase shingles, read piece by
//! piece so that a trace against a large library reads little of it.
//!
//! Layout (integers little-endian; `v` is a LEB128 varint, `s` a varint
//! length then UTF-8 bytes):
//!
//! ```text
//! "RDXSEG01"
//! docs      per document: s hash, s path, 0|1 s symbol, 0|1 s date, 0|1 s title,
//!           u8 adopted, v clauses, v first stored clause, v stored clauses
//! store     LZ4 blocks of clause records (v document, s id, s text), each
//!           block about 16 KB of records, a record never split
//! blocks    per block and one past the last: u64 start in `store`, u64
//!           start in the records as if uncompressed
//! offsets   u64 per clause and one past the last: where its record starts,
//!           as if uncompressed
//! norms     u16 per clause: its length in terms (BM25's), at most 65,535
//! terms     per term, sorted: s term, v clauses holding it, v postings offset, v length
//! postings  per term: per clause, ascending: v gap, v frequency
//! shingles  per hash, ascending: v clauses, then v gap per clause
//! table     per hash: u64 hash, u32 end of its postings in `shingles`
//! sparse    u64: every BLOCK-th hash of `table`, to find its block
//! footer    u64 × 11 section starts and end, u32 docs, clauses, terms,
//!           hashes, u64 tokens, "RDXSEG01"
//! ```
//!
//! The text terms' dictionary, the documents, the block table, the norms
//! and the sparse index are read when the segment opens; postings, shingle blocks
//! and clause records are read when asked for. Clause text is most of a
//! library and repeats itself (UN wording does), so it is compressed: LZ4,
//! as tantivy and most search engines do, as it decompresses a block in
//! microseconds. Every length read is checked against the file, so
//! a damaged segment is an error, never a panic or a huge allocation.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::Entry;

const MAGIC: &[u8; 8] = b"RDXSEG01";
/// Shingle table entries per block of the sparse index.
const BLOCK: usize = 128;
/// Bytes of a shingle table entry.
const ENTRY: usize = 12;
const FOOTER: usize = SECTIONS * 8 + 4 * 4 + 8 + 8;
/// Section starts (and the end of the last) in the footer.
const SECTIONS: usize = 11;
/// Bytes of clause records per compressed block of the store.
const STORE_BLOCK: usize = 16 * 1024;
/// Blocks a segment keeps decompressed.
const CACHED: usize = 16;

/// A clause ready to index: its terms counted, its shingles hashed.
pub(super) struct Prepared {
    pub id: String,
    pub text: String,
    /// The text lower-cased, which its terms are ranges of.
    lower: String,
    /// Its BM25 terms (ranges of `lower`) with their frequencies, sorted.
    terms: Vec<(u32, u32, u32)>,
    /// How many terms it has in all.
    pub len: u32,
    /// The hashes of its kept shingles, sorted, no repeats.
    pub shingles: Vec<u64>,
}

impl Prepared {
    pub fn new(id: String, text: String) -> Prepared {
        let lower = text.to_lowercase();
        // ranges, not strings: one allocation per clause, not per word
        let at = |t: &str| {
            let a = t.as_ptr() as usize - lower.as_ptr() as usize;
            (a as u32, (a + t.len()) as u32)
        };
        let mut all: Vec<(u32, u32)> = terms(&lower).map(at).collect();
        let len = all.len() as u32;
        let word = |&(a, b): &(u32, u32)| &lower[a as usize..b as usize];
        all.sort_unstable_by(|x, y| word(x).cmp(word(y)));
        let mut counted: Vec<(u32, u32, u32)> = Vec::new();
        for r in all {
            match counted.last_mut() {
                Some((a, b, n)) if word(&(*a, *b)) == word(&r) => *n += 1,
                _ => counted.push((r.0, r.1, 1)),
            }
        }
        let words = super::phrase_words(&text);
        let mut shingles = super::shingle_hashes(&words, super::shingles::STEP);
        shingles.sort_unstable();
        shingles.dedup();
        Prepared {
            id,
            text,
            lower,
            terms: counted,
            len,
            shingles,
        }
    }
}

/// The terms BM25 ranks by, in a lower-cased text: runs of letters and
/// digits; runs of 40 bytes or more (a URL, a table's dots) are left out.
pub(super) fn terms(lower: &str) -> impl Iterator<Item = &str> + '_ {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && t.len() < 40)
}

/// A segment being built in memory.
#[derive(Default)]
pub(super) struct Builder {
    docs: Vec<(Entry, u32, u32)>,
    store: Vec<(u32, String, String)>,
    terms: HashMap<String, Vec<[u32; 2]>>,
    norms: Vec<u16>,
    shingles: HashMap<u64, Vec<u32>>,
    tokens: u64,
    postings: usize,
}

impl Builder {
    /// Adds a document and its clauses.
    pub fn push(&mut self, entry: Entry, clauses: Vec<Prepared>) {
        let doc = self.docs.len() as u32;
        let first = self.store.len() as u32;
        let n = clauses.len() as u32;
        for c in clauses {
            let ord = self.store.len() as u32;
            self.tokens += u64::from(c.len);
            self.norms.push(c.len.min(u32::from(u16::MAX)) as u16);
            self.postings += c.terms.len() + c.shingles.len();
            for &(a, b, tf) in &c.terms {
                let t = &c.lower[a as usize..b as usize];
                match self.terms.get_mut(t) {
                    Some(list) => list.push([ord, tf]),
                    None => {
                        self.terms.insert(t.to_string(), vec![[ord, tf]]);
                    }
                }
            }
            for h in c.shingles {
                self.shingles.entry(h).or_default().push(ord);
            }
            self.store.push((doc, c.id, c.text));
        }
        self.docs.push((entry, first, n));
    }

    /// Postings held, the measure of its memory.
    pub fn postings(&self) -> usize {
        self.postings
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Writes the segment to `path` and flushes it to the disk.
    pub fn write(self, path: &Path) -> io::Result<()> {
        let file = File::create(path)?;
        let mut w = Out {
            w: BufWriter::with_capacity(1 << 16, file),
            at: 0,
            scratch: Vec::with_capacity(10),
        };
        w.bytes(MAGIC)?;
        let mut starts = [0u64; SECTIONS];
        starts[0] = w.at;
        for (e, first, n) in &self.docs {
            w.str(&e.hash)?;
            w.str(&e.path)?;
            for s in [&e.symbol, &e.date, &e.title] {
                match s {
                    Some(s) => {
                        w.bytes(&[1])?;
                        w.str(s)?;
                    }
                    None => w.bytes(&[0])?,
                }
            }
            w.bytes(&[u8::from(e.adopted)])?;
            w.varint(e.clauses)?;
            w.varint(u64::from(*first))?;
            w.varint(u64::from(*n))?;
        }
        starts[1] = w.at;
        let mut offsets = Vec::with_capacity(self.store.len() + 1);
        // (start in the store, start as if uncompressed) per block
        let mut blocks = Vec::new();
        let (mut block, mut records) = (Vec::with_capacity(2 * STORE_BLOCK), 0u64);
        for (k, (doc, id, text)) in self.store.iter().enumerate() {
            offsets.push(records + block.len() as u64);
            put_varint(&mut block, u64::from(*doc));
            put_varint(&mut block, id.len() as u64);
            block.extend_from_slice(id.as_bytes());
            put_varint(&mut block, text.len() as u64);
            block.extend_from_slice(text.as_bytes());
            if block.len() >= STORE_BLOCK || k + 1 == self.store.len() {
                blocks.push((w.at - starts[1], records));
                w.bytes(&lz4_flex::block::compress(&block))?;
                records += block.len() as u64;
                block.clear();
            }
        }
        offsets.push(records);
        blocks.push((w.at - starts[1], records));
        starts[2] = w.at;
        for (c, r) in blocks {
            w.bytes(&c.to_le_bytes())?;
            w.bytes(&r.to_le_bytes())?;
        }
        starts[3] = w.at;
        for o in offsets {
            w.bytes(&o.to_le_bytes())?;
        }
        starts[4] = w.at;
        for n in &self.norms {
            w.bytes(&n.to_le_bytes())?;
        }
        // postings first in memory, so the dictionary can say where each is
        let mut terms: Vec<(String, Vec<[u32; 2]>)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut postings = Vec::new();
        let mut dict = Vec::with_capacity(terms.len());
        for (t, list) in &terms {
            let start = postings.len();
            let mut prev = 0;
            for &[ord, tf] in list {
                put_varint(&mut postings, u64::from(ord - prev));
                put_varint(&mut postings, u64::from(tf));
                prev = ord;
            }
            dict.push((t.as_str(), list.len(), start, postings.len() - start));
        }
        starts[5] = w.at;
        for (t, df, start, len) in dict {
            w.str(t)?;
            w.varint(df as u64)?;
            w.varint(start as u64)?;
            w.varint(len as u64)?;
        }
        starts[6] = w.at;
        w.bytes(&postings)?;
        drop(postings);
        let mut shingles: Vec<(u64, Vec<u32>)> = self.shingles.into_iter().collect();
        shingles.sort_unstable_by_key(|s| s.0);
        starts[7] = w.at;
        let mut table = Vec::with_capacity(shingles.len() * ENTRY);
        let mut buf = Vec::new();
        for (h, list) in &shingles {
            buf.clear();
            put_varint(&mut buf, list.len() as u64);
            let mut prev = 0;
            for &ord in list {
                put_varint(&mut buf, u64::from(ord - prev));
                prev = ord;
            }
            w.bytes(&buf)?;
            let end = u32::try_from(w.at - starts[7])
                .map_err(|_| io::Error::other("too many shingles for one segment"))?;
            table.extend_from_slice(&h.to_le_bytes());
            table.extend_from_slice(&end.to_le_bytes());
        }
        starts[8] = w.at;
        w.bytes(&table)?;
        starts[9] = w.at;
        for (h, _) in shingles.iter().step_by(BLOCK) {
            w.bytes(&h.to_le_bytes())?;
        }
        starts[10] = w.at;
        for s in starts {
            w.bytes(&s.to_le_bytes())?;
        }
        for n in [
            self.docs.len(),
            self.store.len(),
            terms.len(),
            shingles.len(),
        ] {
            w.bytes(&(n as u32).to_le_bytes())?;
        }
        w.bytes(&self.tokens.to_le_bytes())?;
        w.bytes(MAGIC)?;
        let file = w.w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
    }
}

struct Out {
    w: BufWriter<File>,
    at: u64,
    /// A varint's bytes, kept from one to the next.
    scratch: Vec<u8>,
}

impl Out {
    fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.at += b.len() as u64;
        self.w.write_all(b)
    }
    fn varint(&mut self, v: u64) -> io::Result<()> {
        let mut b = std::mem::take(&mut self.scratch);
        b.clear();
        put_varint(&mut b, v);
        let done = self.bytes(&b);
        self.scratch = b;
        done
    }
    fn str(&mut self, s: &str) -> io::Result<()> {
        self.varint(s.len() as u64)?;
        self.bytes(s.as_bytes())
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A little-endian integer from exactly its bytes (callers slice them).
fn le_u64(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().unwrap_or([0; 8]))
}

fn le_u32(b: &[u8]) -> u32 {
    u32::from_le_bytes(b.try_into().unwrap_or([0; 4]))
}

fn damaged() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "a damaged index segment")
}

/// A reader of bytes whose every step is checked.
struct Dec<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Dec<'a> {
    fn new(b: &'a [u8]) -> Dec<'a> {
        Dec { b, i: 0 }
    }
    fn done(&self) -> bool {
        self.i >= self.b.len()
    }
    fn byte(&mut self) -> io::Result<u8> {
        let b = *self.b.get(self.i).ok_or_else(damaged)?;
        self.i += 1;
        Ok(b)
    }
    #[inline]
    fn varint(&mut self) -> io::Result<u64> {
        // most numbers of an index are gaps and counts below 128
        if let Some(&b) = self.b.get(self.i)
            && b < 0x80
        {
            self.i += 1;
            return Ok(u64::from(b));
        }
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(damaged())
    }
    #[inline]
    fn u32(&mut self) -> io::Result<u32> {
        u32::try_from(self.varint()?).map_err(|_| damaged())
    }
    fn take(&mut self, n: u64) -> io::Result<&'a [u8]> {
        let n = usize::try_from(n).map_err(|_| damaged())?;
        let end = self.i.checked_add(n).ok_or_else(damaged)?;
        let s = self.b.get(self.i..end).ok_or_else(damaged)?;
        self.i = end;
        Ok(s)
    }
    fn str(&mut self) -> io::Result<String> {
        let n = self.varint()?;
        let s = self.take(n)?;
        String::from_utf8(s.to_vec()).map_err(|_| damaged())
    }
    fn opt_str(&mut self) -> io::Result<Option<String>> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(damaged()),
        }
    }
}

/// A document of a segment: its entry and its stored clauses.
#[derive(Debug, Clone)]
pub(super) struct Doc {
    pub entry: Entry,
    pub first: u32,
    pub n: u32,
}

struct Term {
    term: String,
    df: u32,
    start: u64,
    len: u64,
}

/// An open segment.
pub(super) struct Segment {
    file: RefCell<File>,
    pub docs: Vec<Doc>,
    /// The store's blocks: (start in the store, start as if uncompressed),
    /// and one past the last.
    blocks: Vec<(u64, u64)>,
    cache: RefCell<Vec<(usize, std::rc::Rc<Vec<u8>>)>>,
    /// Each clause's length in terms.
    norms: Vec<u16>,
    terms: Vec<Term>,
    sparse: Vec<u64>,
    starts: [u64; SECTIONS],
    pub clauses: u32,
    hashes: u32,
    pub tokens: u64,
}

impl Segment {
    pub fn open(path: &Path) -> io::Result<Segment> {
        let mut file = File::open(path)?;
        let size = file.metadata()?.len();
        if size < (MAGIC.len() + FOOTER) as u64 {
            return Err(damaged());
        }
        let mut footer = vec![0u8; FOOTER];
        file.seek(SeekFrom::Start(size - FOOTER as u64))?;
        file.read_exact(&mut footer)?;
        if &footer[FOOTER - 8..] != MAGIC {
            return Err(damaged());
        }
        let u64_at = |i: usize| le_u64(&footer[i..i + 8]);
        let u32_at = |i: usize| le_u32(&footer[i..i + 4]);
        let mut starts = [0u64; SECTIONS];
        for (k, s) in starts.iter_mut().enumerate() {
            *s = u64_at(k * 8);
        }
        let at = SECTIONS * 8;
        let (ndocs, clauses, nterms, hashes) =
            (u32_at(at), u32_at(at + 4), u32_at(at + 8), u32_at(at + 12));
        let tokens = u64_at(at + 16);
        let ordered = starts.windows(2).all(|w| w[0] <= w[1]);
        if starts[0] != MAGIC.len() as u64
            || !ordered
            || starts[10] != size - FOOTER as u64
            || starts[4] - starts[3] != (u64::from(clauses) + 1) * 8
            || starts[5] - starts[4] != u64::from(clauses) * 2
            || starts[9] - starts[8] != u64::from(hashes) * ENTRY as u64
            || starts[10] - starts[9] != u64::from(hashes).div_ceil(BLOCK as u64) * 8
        {
            return Err(damaged());
        }
        let mut seg = Segment {
            file: RefCell::new(file),
            docs: Vec::new(),
            blocks: Vec::new(),
            cache: RefCell::new(Vec::new()),
            norms: Vec::new(),
            terms: Vec::new(),
            sparse: Vec::new(),
            starts,
            clauses,
            hashes,
            tokens,
        };
        let bytes = seg.read(starts[0], starts[1] - starts[0])?;
        let mut d = Dec::new(&bytes);
        while !d.done() {
            let entry = Entry {
                hash: d.str()?,
                path: d.str()?,
                symbol: d.opt_str()?,
                date: d.opt_str()?,
                title: d.opt_str()?,
                adopted: d.byte()? == 1,
                clauses: d.varint()?,
            };
            let (first, n) = (d.u32()?, d.u32()?);
            if u64::from(first) + u64::from(n) > u64::from(clauses) {
                return Err(damaged());
            }
            seg.docs.push(Doc { entry, first, n });
        }
        let bytes = seg.read(starts[2], starts[3] - starts[2])?;
        seg.blocks = bytes
            .chunks_exact(16)
            .map(|c| (le_u64(&c[..8]), le_u64(&c[8..])))
            .collect();
        let store = starts[2] - starts[1];
        let (Some(&first), Some(&last)) = (seg.blocks.first(), seg.blocks.last()) else {
            return Err(damaged());
        };
        // blocks in order, ending where the store ends; none claims to
        // decompress to more than LZ4 can (255 times its size)
        let sane = seg.blocks.windows(2).all(|w| {
            w[0].0 <= w[1].0
                && w[0].1 <= w[1].1
                && (w[1].1 - w[0].1) <= (w[1].0 - w[0].0).saturating_mul(255)
        });
        if bytes.len() % 16 != 0 || first != (0, 0) || last.0 != store || !sane {
            return Err(damaged());
        }
        let bytes = seg.read(starts[4], starts[5] - starts[4])?;
        seg.norms = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        let bytes = seg.read(starts[5], starts[6] - starts[5])?;
        let mut d = Dec::new(&bytes);
        let postings = starts[7] - starts[6];
        while !d.done() {
            let t = Term {
                term: d.str()?,
                df: d.u32()?,
                start: d.varint()?,
                len: d.varint()?,
            };
            if t.start.checked_add(t.len).is_none_or(|e| e > postings) {
                return Err(damaged());
            }
            seg.terms.push(t);
        }
        let bytes = seg.read(starts[9], starts[10] - starts[9])?;
        seg.sparse = bytes.chunks_exact(8).map(le_u64).collect();
        let sorted_terms = seg.terms.windows(2).all(|w| w[0].term < w[1].term);
        if seg.docs.len() != ndocs as usize || seg.terms.len() != nterms as usize || !sorted_terms {
            return Err(damaged());
        }
        Ok(seg)
    }

    fn read(&self, at: u64, len: u64) -> io::Result<Vec<u8>> {
        let len = usize::try_from(len).map_err(|_| damaged())?;
        let mut buf = vec![0u8; len];
        let mut f = self.file.borrow_mut();
        f.seek(SeekFrom::Start(at))?;
        f.read_exact(&mut buf)?;
        Ok(buf)
    }

    fn term(&self, t: &str) -> Option<&Term> {
        self.terms
            .binary_search_by(|x| x.term.as_str().cmp(t))
            .ok()
            .map(|i| &self.terms[i])
    }

    /// How many clauses hold the term.
    pub fn df(&self, t: &str) -> u32 {
        self.term(t).map_or(0, |t| t.df)
    }

    /// The clauses holding the term: (clause, frequency, clause length).
    #[cfg(test)]
    pub fn postings(&self, t: &str) -> io::Result<Vec<[u32; 3]>> {
        let mut out = Vec::new();
        self.each_posting(t, |ord, tf, len| out.push([ord, tf, len]))?;
        Ok(out)
    }

    /// Calls `f(clause, frequency, clause length)` for each clause holding
    /// the term, in order, decoding as it goes.
    pub fn each_posting(&self, t: &str, mut f: impl FnMut(u32, u32, u32)) -> io::Result<()> {
        let Some(t) = self.term(t) else {
            return Ok(());
        };
        let bytes = self.read(self.starts[6] + t.start, t.len)?;
        let mut d = Dec::new(&bytes);
        let mut ord = 0u32;
        while !d.done() {
            ord = ord.checked_add(d.u32()?).ok_or_else(damaged)?;
            if ord >= self.clauses {
                return Err(damaged());
            }
            f(ord, d.u32()?, u32::from(self.norms[ord as usize]));
        }
        Ok(())
    }

    /// The clauses holding a shingle hash, ascending.
    pub fn shingle(&self, h: u64) -> io::Result<Vec<u32>> {
        // the block whose first hash is the last at or below h
        let block = match self.sparse.binary_search(&h) {
            Ok(i) => i,
            Err(0) => return Ok(Vec::new()),
            Err(i) => i - 1,
        };
        let first = block * BLOCK;
        let n = BLOCK.min(self.hashes as usize - first);
        let bytes = self.read(self.starts[8] + (first * ENTRY) as u64, (n * ENTRY) as u64)?;
        let entry = |i: usize| {
            let e = &bytes[i * ENTRY..(i + 1) * ENTRY];
            (le_u64(&e[..8]), u64::from(le_u32(&e[8..])))
        };
        let Some(i) = (0..n).find(|&i| entry(i).0 == h) else {
            return Ok(Vec::new());
        };
        let end = entry(i).1;
        let start = if i > 0 {
            entry(i - 1).1
        } else if first > 0 {
            let prev = self.read(self.starts[8] + (first * ENTRY - 4) as u64, 4)?;
            u64::from(le_u32(&prev))
        } else {
            0
        };
        if start > end || end > self.starts[8] - self.starts[7] {
            return Err(damaged());
        }
        let bytes = self.read(self.starts[7] + start, end - start)?;
        let mut d = Dec::new(&bytes);
        let count = d.varint()?;
        let mut out = Vec::with_capacity(count.min(bytes.len() as u64) as usize);
        let mut ord = 0u32;
        for _ in 0..count {
            ord = ord.checked_add(d.u32()?).ok_or_else(damaged)?;
            if ord >= self.clauses {
                return Err(damaged());
            }
            out.push(ord);
        }
        Ok(out)
    }

    /// A stored clause: its document, id and text.
    pub fn clause(&self, ord: u32) -> io::Result<(u32, String, String)> {
        if ord >= self.clauses {
            return Err(damaged());
        }
        let at = self.read(self.starts[3] + u64::from(ord) * 8, 16)?;
        let (from, to) = (le_u64(&at[..8]), le_u64(&at[8..]));
        // the block holding the record, which is never split
        let b = self.blocks.partition_point(|&(_, r)| r <= from);
        if b == 0 || b >= self.blocks.len() || from > to || to > self.blocks[b].1 {
            return Err(damaged());
        }
        let block = self.block(b - 1)?;
        let start = self.blocks[b - 1].1;
        let record = block
            .get((from - start) as usize..(to - start) as usize)
            .ok_or_else(damaged)?;
        let mut d = Dec::new(record);
        let doc = d.u32()?;
        if doc as usize >= self.docs.len() {
            return Err(damaged());
        }
        Ok((doc, d.str()?, d.str()?))
    }

    /// A block of the store, decompressed (the last few are kept).
    fn block(&self, b: usize) -> io::Result<std::rc::Rc<Vec<u8>>> {
        if let Some((_, block)) = self.cache.borrow().iter().find(|(k, _)| *k == b) {
            return Ok(block.clone());
        }
        let ((c0, r0), (c1, r1)) = (self.blocks[b], self.blocks[b + 1]);
        let packed = self.read(self.starts[1] + c0, c1 - c0)?;
        let mut block = vec![0u8; (r1 - r0) as usize];
        match lz4_flex::block::decompress_into(&packed, &mut block) {
            Ok(n) if n == block.len() => {}
            _ => return Err(damaged()),
        }
        let block = std::rc::Rc::new(block);
        let mut cache = self.cache.borrow_mut();
        if cache.len() == CACHED {
            cache.remove(0);
        }
        cache.push((b, block.clone()));
        Ok(block)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(hash: &str) -> Entry {
        Entry {
            hash: hash.into(),
            path: format!("/{hash}.txt"),
            symbol: Some(format!("A/RES/{hash}")),
            date: None,
            title: Some("A title".into()),
            adopted: true,
            clauses: 2,
        }
    }

    #[test]
    fn a_segment_reads_back_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.rdx");
        let mut b = Builder::default();
        let texts = [
            "Demands that all parties cease hostilities immediately and comply with international humanitarian law;",
            "Decides to remain seized of the matter.",
        ];
        b.push(
            entry("a"),
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Prepared::new(format!("OP{}", i + 1), t.to_string()))
                .collect(),
        );
        // enough hashes for several blocks of the sparse index
        let long: Vec<String> = (0..600).map(|i| format!("w{i}")).collect();
        b.push(
            entry("b"),
            vec![Prepared::new("PP1".into(), long.join(" "))],
        );
        b.write(&path).unwrap();
        let s = Segment::open(&path).unwrap();
        assert_eq!(s.docs.len(), 2);
        assert_eq!(s.docs[1].entry.symbol.as_deref(), Some("A/RES/b"));
        assert_eq!(s.clauses, 3);
        assert_eq!(s.df("hostilities"), 1);
        assert_eq!(s.df("the"), 1);
        // (clause, frequency, clause length)
        assert_eq!(s.postings("the").unwrap(), [[1, 1, 7]]);
        assert_eq!(s.postings("law").unwrap(), [[0, 1, 13]]);
        assert!(s.postings("absent").unwrap().is_empty());
        assert_eq!(s.clause(1).unwrap(), (0, "OP2".into(), texts[1].into()));
        let words = super::super::phrase_words(&long.join(" "));
        for h in super::super::shingle_hashes(&words, 4) {
            assert_eq!(s.shingle(h).unwrap(), [2]);
        }
        assert!(s.shingle(12345).unwrap().is_empty());
    }

    #[test]
    fn a_damaged_segment_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.rdx");
        let mut b = Builder::default();
        b.push(
            entry("a"),
            vec![Prepared::new(
                "OP1".into(),
                "Decides to remain seized of the matter.".into(),
            )],
        );
        b.write(&path).unwrap();
        let good = std::fs::read(&path).unwrap();
        // every truncation, and every byte flipped: open and read, never panic
        for cut in 0..good.len() {
            std::fs::write(&path, &good[..cut]).unwrap();
            assert!(Segment::open(&path).is_err(), "cut at {cut}");
        }
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0xa5;
            std::fs::write(&path, &bad).unwrap();
            if let Ok(s) = Segment::open(&path) {
                let _ = s.postings("matter");
                let _ = s.clause(0);
                let _ = s.shingle(1);
            }
        }
    }
}
