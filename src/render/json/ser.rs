//! A compact JSON writer for serde whose output is byte-for-byte that of `serde_json::to_writer`.
//!
//! Why it exists: serde_json escapes strings one byte at a time, which was
//! the largest single cost of `compare --format json` on long drafts (18 %
//! of all instructions on the 300 KB generated pair). This writer checks
//! eight bytes at a time for the three things JSON must escape (`"`, `\`
//! and control characters) and copies clean runs whole. Everything else
//! (numbers, floats, the data model's shapes) is written exactly as
//! serde_json writes it; floats are handed to serde_json itself. The
//! equality is tested against serde_json on every shape of serde's data
//! model, by property tests on strings, and on whole comparisons (see the
//! tests of `render::json`).

use std::io::{self, Write};

use serde::ser::{self, Serialize};

/// Serialises `value` as compact JSON into `out`, as `serde_json::to_writer` would.
///
/// Bytes are collected in a buffer and handed to `out` between values once
/// the buffer passes 64 KB, so memory stays bounded for long arrays.
pub(crate) fn to_writer<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut ser = Json {
        buf: Vec::with_capacity(FLUSH_AT),
        out: Some(out),
    };
    value.serialize(&mut ser).map_err(|e| e.0)?;
    ser.flush().map_err(|e| e.0)
}

/// Appends `value` as compact JSON to `buf`, as `serde_json::to_writer` would.
pub(crate) fn to_vec<T: Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) -> io::Result<()> {
    let mut ser = Json {
        buf: std::mem::take(buf),
        out: None,
    };
    let result = value.serialize(&mut ser).map_err(|e| e.0);
    *buf = ser.buf;
    result
}

const FLUSH_AT: usize = 1 << 16;

/// The serializer: output so far, and where to flush it, if anywhere.
struct Json<'w> {
    buf: Vec<u8>,
    out: Option<&'w mut dyn Write>,
}

/// A serialisation error: an I/O error, or a value JSON cannot hold (a map
/// key that is not a string, number or boolean), as serde_json reports it.
#[derive(Debug)]
pub(crate) struct Error(io::Error);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(io::Error::other(msg.to_string()))
    }
}

type Result<T = ()> = std::result::Result<T, Error>;

impl Json<'_> {
    /// Hands the buffer to the output, if there is one and the buffer is full enough.
    fn maybe_flush(&mut self) -> Result {
        if self.buf.len() >= FLUSH_AT && self.out.is_some() {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result {
        if let Some(out) = self.out.as_mut() {
            out.write_all(&self.buf).map_err(Error)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn int(&mut self, v: impl itoa::Integer) {
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }

    /// A float, as serde_json writes it (its own formatting, `null` when not finite).
    fn float<F: Serialize>(&mut self, v: F) -> Result {
        serde_json::to_writer(&mut self.buf, &v).map_err(|e| Error(e.into()))
    }

    /// `{"variant":`, which opens every enum variant that carries data.
    fn variant_key(&mut self, variant: &str) {
        self.buf.push(b'{');
        string(&mut self.buf, variant);
        self.buf.push(b':');
    }
}

/// Writes `s` as a JSON string: quoted, with serde_json's escapes.
fn string(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    let mut start = 0;
    let mut i = next_escape(bytes, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0c => b"\\f",
            b'\r' => b"\\r",
            0..=0x1f => &[],
            // A byte after a real escape that the word test flagged too.
            _ => {
                i = next_escape(bytes, i + 1);
                continue;
            }
        };
        buf.extend_from_slice(&bytes[start..i]);
        if short.is_empty() {
            let hex = |n: u8| b"0123456789abcdef"[usize::from(n)];
            buf.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b & 0xf)]);
        } else {
            buf.extend_from_slice(short);
        }
        start = i + 1;
        i = next_escape(bytes, start);
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

/// Writes a struct's field name and the colon after it: `"name":`.
///
/// Field names are short identifiers with nothing to escape, written with
/// one copy; one that does need escaping (a serde `rename` could hold a
/// quote) goes through [`string`].
fn key_of_struct(buf: &mut Vec<u8>, key: &str) {
    if !key.bytes().any(must_escape) {
        buf.reserve(key.len() + 3);
        buf.push(b'"');
        buf.extend_from_slice(key.as_bytes());
        buf.extend_from_slice(b"\":");
    } else {
        string(buf, key);
        buf.push(b':');
    }
}

/// The index of the first byte at or after `from` that may need escaping
/// (`bytes.len()` when there is none). It may stop early, on a byte just
/// after a real escape; it never skips one.
///
/// Eight bytes are tested at a time; the last few of a string of eight
/// bytes or more are tested by reading its last eight again, and shorter
/// strings (clause ids, kinds) byte by byte.
#[inline]
fn next_escape(bytes: &[u8], from: usize) -> usize {
    let n = bytes.len();
    let load = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    let found = |at: usize, mask: u64| at + (mask.trailing_zeros() / 8) as usize;
    let mut i = from;
    while i + 8 <= n {
        let mask = escapes(load(i));
        if mask != 0 {
            return found(i, mask);
        }
        i += 8;
    }
    if i >= n {
        return n;
    }
    if n >= 8 {
        let at = n - 8;
        // Bytes before `i` were looked at already: clear their bits.
        let mask = escapes(load(at)) & (u64::MAX << ((i - at) * 8));
        return if mask == 0 { n } else { found(at, mask) };
    }
    bytes[i..]
        .iter()
        .position(|&b| must_escape(b))
        .map_or(n, |k| i + k)
}

/// Whether JSON must escape a byte: `"`, `\` and control characters.
fn must_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The high bit of each of the eight bytes of `w` (little-endian) that is
/// `"`, `\` or below 0x20, exact up to the lowest such byte.
///
/// The classic word-at-a-time tests: `(x - 0x01..) & !x & 0x80..` marks
/// the zero bytes of `x`, and with `0x20..` the bytes below 0x20; a borrow
/// can mark a byte above a marked one, never below.
fn escapes(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    control | zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\')))
}

/// An array or object being written: whether an element has been written yet.
struct Compound<'a, 'w> {
    ser: &'a mut Json<'w>,
    first: bool,
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.ser.buf.push(b',');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.comma();
        value.serialize(&mut *self.ser)?;
        self.ser.maybe_flush()
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result {
        self.comma();
        key_of_struct(&mut self.ser.buf, key);
        value.serialize(&mut *self.ser)
    }

    /// Closes an array (`]`) or object (`}`), and the `{"variant":`
    /// wrapper around it when there is one.
    fn close(self, end: &'static [u8]) -> Result {
        self.ser.buf.extend_from_slice(end);
        Ok(())
    }
}

impl<'a, 'w> Json<'w> {
    fn open(&'a mut self, start: &[u8]) -> Compound<'a, 'w> {
        self.buf.extend_from_slice(start);
        Compound {
            ser: self,
            first: true,
        }
    }

    /// `{"variant":` then `start`.
    fn open_variant(&'a mut self, variant: &str, start: &[u8]) -> Compound<'a, 'w> {
        self.variant_key(variant);
        self.open(start)
    }
}

impl<'a, 'w> ser::Serializer for &'a mut Json<'w> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'w>;
    type SerializeTuple = Compound<'a, 'w>;
    type SerializeTupleStruct = Compound<'a, 'w>;
    type SerializeTupleVariant = Compound<'a, 'w>;
    type SerializeMap = Compound<'a, 'w>;
    type SerializeStruct = Compound<'a, 'w>;
    type SerializeStructVariant = Compound<'a, 'w>;

    fn serialize_bool(self, v: bool) -> Result {
        self.buf
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.int(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.float(v)
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Result {
        string(&mut self.buf, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        string(&mut self.buf, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.buf.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.buf.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Ok(self.open(b"["))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Ok(self.open_variant(variant, b"["))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Ok(self.open(b"{"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Ok(self.open(b"{"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Ok(self.open_variant(variant, b"{"))
    }
}

/// The four array-like compounds of serde's data model differ only in the
/// trait, the name of the method that adds an element, and how they close.
macro_rules! array_like {
    ($($trait:ident :: $add:ident => $end:literal;)*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.element(value)
            }
            fn end(self) -> Result {
                self.close($end)
            }
        }
    )*};
}

array_like! {
    SerializeSeq::serialize_element => b"]";
    SerializeTuple::serialize_element => b"]";
    SerializeTupleStruct::serialize_field => b"]";
    SerializeTupleVariant::serialize_field => b"]}";
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    /// A key, as serde_json accepts it: a string as it is; a number or a
    /// boolean quoted; anything else an error.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.comma();
        let at = self.ser.buf.len();
        key.serialize(&mut *self.ser)?;
        match self.ser.buf.get(at) {
            Some(b'"') => {}
            Some(b'-' | b'0'..=b'9' | b't' | b'f') => {
                self.ser.buf.insert(at, b'"');
                self.ser.buf.push(b'"');
            }
            _ => return Err(ser::Error::custom("key must be a string")),
        }
        self.ser.buf.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result {
        self.close(b"}")
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        self.close(b"}")
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        self.close(b"}}")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::Serialize;

    fn ours<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
        let mut buf = Vec::new();
        super::to_vec(&mut buf, v).expect("serialises");
        buf
    }

    fn same<T: Serialize + ?Sized>(v: &T) {
        let theirs = serde_json::to_vec(v).expect("serde_json serialises");
        assert_eq!(
            String::from_utf8_lossy(&ours(v)),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn every_escape_serde_json_writes_is_written_alike() {
        let all: String = (0u8..=0x7f).map(char::from).collect();
        same(&all);
        same(
            "quote \" backslash \\ tab\t newline\n cr\r bell\u{7} del\u{7f} nbsp\u{a0} “curly” 🇺🇳",
        );
        same("");
        same("exactly8");
        same("\"\"\"\"\"\"\"\"\"");
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        Struct { a: Option<f64>, b: Vec<bool> },
    }

    #[derive(Serialize)]
    struct Tuple(u8, char);

    #[derive(Serialize)]
    struct Renamed {
        #[serde(rename = "say \"when\"\n")]
        quoted: u8,
        plain_name: u8,
    }

    #[derive(Serialize)]
    struct Flat {
        x: u32,
        #[serde(flatten)]
        rest: BTreeMap<String, i64>,
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        Reworded { ratio: f32 },
    }

    #[test]
    fn every_shape_of_the_data_model_is_written_alike() {
        same(&Shape::Unit);
        same(&Shape::Newtype(7));
        same(&Shape::Tuple(-3, "x".into()));
        same(&Shape::Struct {
            a: Some(0.1),
            b: vec![true, false],
        });
        same(&Shape::Struct {
            a: Some(f64::NAN),
            b: vec![],
        });
        same(&Shape::Struct { a: None, b: vec![] });
        same(&Tuple(1, 'é'));
        same(&Renamed {
            quoted: 1,
            plain_name: 2,
        });
        same(&Flat {
            x: 1,
            rest: [("k".to_string(), -1)].into(),
        });
        same(&Tagged::Reworded { ratio: 2.0 / 3.0 });
        same(&[u64::MAX, 0]);
        same(&(i128::MIN, u128::MAX, 1e300, -0.0f64, f32::INFINITY));
        same(&BTreeMap::from([(1u32, "a"), (20, "b")]));
        same(&BTreeMap::from([(true, ())]));
        same(&b"\x00\xff"[..]);
        same(&());
    }

    #[test]
    fn map_keys_json_cannot_hold_are_refused_as_serde_json_refuses_them() {
        let map = BTreeMap::from([(vec![1u8], 1u8)]);
        assert!(serde_json::to_vec(&map).is_err());
        assert!(super::to_vec(&mut Vec::new(), &map).is_err());
    }

    #[test]
    fn long_arrays_reach_the_writer_in_pieces_with_the_same_bytes() {
        let items: Vec<String> = (0..20_000)
            .map(|i| format!("clause {i} \"quoted\""))
            .collect();
        let mut out = Vec::new();
        super::to_writer(&mut out, &items).expect("writes");
        assert_eq!(out, serde_json::to_vec(&items).expect("serialises"));
    }

    proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in "\\PC*|[\\x00-\\x7f]{0,40}") {
            prop_assert_eq!(ours(&s), serde_json::to_vec(&s).expect("serialises"));
        }

        /// Escapes next to the bytes a word-at-a-time test can mistake
        /// for them (a space after a control byte, `#` after `"`, `]`
        /// after `\`), at every distance from the end of the string.
        #[test]
        fn escapes_next_to_look_alikes_are_escaped_as_serde_json_escapes_them(
            s in "[ \"\\\\\n\t#\\]a!é\u{1}\u{1f}]{0,40}"
        ) {
            prop_assert_eq!(ours(&s), serde_json::to_vec(&s).expect("serialises"));
        }
    }
}
