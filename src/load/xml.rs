//! A small, bounded XML tree over quick-xml, shared by the DOCX and Akoma Ntoso readers.
//!
//! Hostile XML is refused rather than survived: a DOCTYPE that declares
//! entities (the billion-laughs family) is an error, references to entities
//! other than the five predefined ones are errors, and nesting depth and
//! node count are capped, so time and memory stay proportional to the input.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

/// Deeper nesting than this is refused (real documents stay under 30; the
/// readers walk the tree recursively).
pub(crate) const MAX_DEPTH: usize = 256;

/// More element and text nodes than this are refused: a 64 MB file of
/// empty elements would otherwise take gigabytes as a tree.
pub(crate) const MAX_NODES: usize = 4_000_000;

/// An element: its local name (without namespace prefix), its attributes by
/// local name, and its children in document order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of an attribute, by local name (`w:val` is `val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The element at the end of a path of child names.
    pub fn path(&self, names: &[&str]) -> Option<&Element> {
        names.iter().try_fold(self, |e, n| e.child(n))
    }

    /// The first element with this local name at any depth below, in
    /// document order.
    pub fn find(&self, name: &str) -> Option<&Element> {
        for e in self.elements() {
            if e.name == name {
                return Some(e);
            }
            if let Some(found) = e.find(name) {
                return Some(found);
            }
        }
        None
    }

    /// All text below this element, concatenated.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.push_text(&mut s);
        s
    }

    fn push_text(&self, s: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => s.push_str(t),
                Node::Element(e) => e.push_text(s),
            }
        }
    }

    /// Whether a boolean property element is on: `<w:vanish/>` is,
    /// `<w:vanish w:val="false"/>` is not.
    pub fn is_on(&self) -> bool {
        !matches!(self.attr("val"), Some("0" | "false" | "off"))
    }
}

/// Parses a whole document into its root element. The error is one line
/// saying what is wrong and where.
pub(crate) fn parse(xml: &str) -> Result<Element, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut nodes = 0usize;
    let at = |reader: &quick_xml::Reader<&[u8]>| reader.buffer_position();
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "malformed XML at byte {}: {}",
                reader.error_position(),
                one_line(&e.to_string())
            )
        })?;
        nodes += 1;
        if nodes > MAX_NODES {
            return Err(format!("more than {MAX_NODES} XML nodes; refused"));
        }
        match event {
            Event::Start(s) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(format!(
                        "elements nested deeper than {MAX_DEPTH} levels; refused"
                    ));
                }
                stack.push(
                    element(&s)
                        .map_err(|e| format!("malformed XML at byte {}: {e}", at(&reader)))?,
                );
            }
            Event::Empty(s) => {
                let e = element(&s)
                    .map_err(|e| format!("malformed XML at byte {}: {e}", at(&reader)))?;
                close(e, &mut stack, &mut root);
            }
            Event::End(_) => {
                // quick-xml has checked the name matches
                if let Some(e) = stack.pop() {
                    close(e, &mut stack, &mut root);
                }
            }
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| format!("bad text at byte {}: {e}", at(&reader)))?;
                push_text(&mut stack, &s);
            }
            Event::CData(c) => {
                let s = c
                    .xml10_content()
                    .map_err(|e| format!("bad CDATA at byte {}: {e}", at(&reader)))?;
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => {
                        let name = r.decode().map_err(|e| e.to_string())?;
                        match predefined(&name) {
                            Some(c) => c,
                            None => {
                                return Err(format!(
                                    "undefined entity &{}; at byte {} (only the five XML entities are read)",
                                    truncate(&name, 40),
                                    at(&reader)
                                ));
                            }
                        }
                    }
                    Err(e) => {
                        return Err(format!(
                            "bad character reference at byte {}: {e}",
                            at(&reader)
                        ));
                    }
                };
                push_text(&mut stack, c.encode_utf8(&mut [0; 4]));
            }
            Event::DocType(d) => {
                let d = d.decode().unwrap_or_default();
                if d.contains("<!ENTITY") {
                    return Err(
                        "the DOCTYPE declares entities; refused (resdiff never expands them)"
                            .into(),
                    );
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
        if root.is_some() && stack.is_empty() {
            // anything after the root element is not the document
            break;
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!(
            "unexpected end of file inside <{}> (truncated?)",
            truncate(&open.name, 40)
        ));
    }
    root.ok_or_else(|| "no XML element found".to_string())
}

fn element(s: &BytesStart) -> Result<Element, String> {
    let name = String::from_utf8_lossy(s.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| one_line(&e.to_string()))?;
        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| one_line(&e.to_string()))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

fn close(e: Element, stack: &mut [Element], root: &mut Option<Element>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(e)),
        None => {
            if root.is_none() {
                *root = Some(e);
            }
        }
    }
}

fn push_text(stack: &mut [Element], s: &str) {
    let Some(parent) = stack.last_mut() else {
        return;
    };
    // adjacent text (split around an entity reference) stays one node
    if let Some(Node::Text(t)) = parent.children.last_mut() {
        t.push_str(s);
    } else {
        parent.children.push(Node::Text(s.to_string()));
    }
}

fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// A parser's message on one short line: quick-xml quotes the input (a
/// mismatched end tag can be kilobytes of it), which has no place in a
/// one-line error.
pub(crate) fn one_line(s: &str) -> String {
    truncate(&super::paragraphs::one_line(s), 160).into_owned()
}

fn truncate(s: &str, n: usize) -> Cow<'_, str> {
    match s.char_indices().nth(n) {
        Some((i, _)) => Cow::Owned(format!("{}…", &s[..i])),
        None => Cow::Borrowed(s),
    }
}

/// Decodes the bytes of an XML document: UTF-8 (a BOM is dropped), UTF-16
/// with a BOM or recognisable from its first characters, and documents
/// declaring ISO-8859-1 or windows-1252.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(b"<\0") {
        return super::decode_text([b"\xFF\xFE".as_slice(), bytes].concat());
    }
    if bytes.starts_with(b"\0<") {
        return super::decode_text([b"\xFE\xFF".as_slice(), bytes].concat());
    }
    if bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
    {
        return super::decode_text(bytes.to_vec());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
            let prolog = head.split("?>").next().unwrap_or("");
            if prolog.starts_with("<?xml") && super::charset::is_latin(prolog) {
                Ok(super::charset::windows_1252(bytes))
            } else {
                Err(format!("not valid UTF-8 (byte offset {})", e.valid_up_to()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_with_local_names_text_and_entities() {
        let root = parse(r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:p w:val="a&amp;b">A &lt; B&#x20;&#65;<![CDATA[<c>]]></w:p><w:q/></w:document>"#).unwrap();
        assert_eq!(root.name, "document");
        let p = root.child("p").unwrap();
        assert_eq!(p.attr("val"), Some("a&b"));
        assert_eq!(p.text(), "A < B A<c>");
        assert!(root.child("q").is_some());
    }

    #[test]
    fn entity_declarations_and_unknown_entities_are_refused() {
        let lol = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>"#;
        assert!(
            parse(lol)
                .unwrap_err()
                .contains("DOCTYPE declares entities")
        );
        assert!(
            parse("<a>&nbsp;</a>")
                .unwrap_err()
                .contains("undefined entity &nbsp;")
        );
        assert!(parse("<a b='&x;'/>").is_err());
    }

    #[test]
    fn malformed_truncated_and_deep_documents_are_errors() {
        assert!(
            parse("<a><b></a>")
                .unwrap_err()
                .starts_with("malformed XML at byte")
        );
        assert!(
            parse("<a><b>text")
                .unwrap_err()
                .contains("unexpected end of file inside <b>")
        );
        assert_eq!(parse("just text").unwrap_err(), "no XML element found");
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().contains("nested deeper"));
    }

    #[test]
    fn encodings() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a>é</a>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), "<a>é</a>");
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xe9</a>";
        assert!(decode(latin).unwrap().ends_with("<a>é</a>"));
        assert!(decode(b"<a>\xe9</a>").unwrap_err().contains("UTF-8"));
    }
}
