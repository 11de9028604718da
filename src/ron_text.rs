//! Values written as RON text: the sessions and records (pretty, strings as they are), the
//! drafts (pretty), the folder's summaries and caches and a few messages (on one line).
//!
//! The text is ron's own, byte for byte, for everything atelier writes (ron's default pretty
//! form, no extensions, no struct names; `tests` checks it against ron). Why not ron's
//! serializer: it compiles its bookkeeping (commas, indents, doc comments, ranges) again
//! inside each field of each type written, about 0.45 MB of the binary. Here that
//! bookkeeping is a handful of functions compiled once; each type's own code only calls
//! them. Reading stays ron's.

use serde::ser::{self, Serialize};
use std::fmt::Write as _;

type Result<T = ()> = std::result::Result<T, ron::Error>;

/// `value` as ron's `to_string` writes it: on one line, no spaces, strings escaped.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    write(value, false, true)
}

/// `value` as ron's `to_string_pretty` writes it with its default configuration: one field
/// or item a line, indented by four spaces, a comma after each. `escape`: strings escaped
/// as ron does by default; otherwise written as they are (`"…"`, or `r#"…"#` when they hold
/// a quote or a backslash), as sessions and records are, so that they read as typed.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T, escape: bool) -> Result<String> {
    write(value, true, escape)
}

fn write<T: Serialize + ?Sized>(value: &T, pretty: bool, escape: bool) -> Result<String> {
    let mut writer = Writer {
        out: String::new(),
        pretty,
        escape,
        indent: 0,
        is_empty: None,
        depth_left: RECURSION_LIMIT,
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// ron's default: deeper than this, a value is refused (as ron would then refuse to read it).
const RECURSION_LIMIT: usize = 128;
const INDENT: &str = "    ";

struct Writer {
    out: String,
    pretty: bool,
    escape: bool,
    /// How many compounds are open (pretty only).
    indent: usize,
    /// Whether the compound just opened has nothing in it (ron's rule for `()`, `[]`, `{}`).
    is_empty: Option<bool>,
    depth_left: usize,
}

impl Writer {
    /// Opens a compound after its bracket.
    fn open(&mut self, len: Option<usize>) {
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        if self.pretty {
            self.indent += 1;
            if !self.is_empty.unwrap_or(false) {
                self.out.push('\n');
            }
        }
    }

    /// Before each item of a compound laid out one a line.
    fn item(&mut self, first: &mut bool) {
        if !std::mem::take(first) {
            self.out.push(',');
            if self.pretty {
                self.out.push('\n');
            }
        }
        if self.pretty {
            for _ in 0..self.indent {
                self.out.push_str(INDENT);
            }
        }
    }

    /// Closes a compound laid out one item a line, then writes its bracket.
    fn close(&mut self, first: bool, bracket: char) {
        if self.pretty {
            if !first {
                self.out.push_str(",\n");
            }
            if !self.is_empty.unwrap_or(false) {
                for _ in 1..self.indent {
                    self.out.push_str(INDENT);
                }
            }
            self.indent -= 1;
            self.is_empty = None;
        }
        self.out.push(bracket);
    }

    /// Between the members of a tuple, which share a line.
    fn member(&mut self, first: &mut bool) {
        if !std::mem::take(first) {
            self.out.push(',');
            if self.pretty {
                self.out.push(' ');
            }
        }
    }

    fn key(&mut self, name: &str) -> Result {
        self.identifier(name)?;
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
        Ok(())
    }

    /// A name as RON writes it: raw (`r#…`) when it is not a plain identifier.
    fn identifier(&mut self, name: &str) -> Result {
        let raw_char = |c: char| c.is_ascii_alphanumeric() || "_+-.".contains(c);
        if name.is_empty() || !name.chars().all(raw_char) {
            return Err(ron::Error::InvalidIdentifier(name.into()));
        }
        let mut chars = name.chars();
        let plain = chars
            .next()
            .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
            && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
            && ![
                "true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN", "NaNf32",
                "NaNf64",
            ]
            .contains(&name);
        if !plain {
            self.out.push_str("r#");
        }
        self.out.push_str(name);
        Ok(())
    }

    /// A value inside another, no deeper than ron reads.
    fn nested<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.depth_left = self
            .depth_left
            .checked_sub(1)
            .ok_or(ron::Error::ExceededRecursionLimit)?;
        let written = value.serialize(&mut *self);
        self.depth_left += 1;
        written
    }

    fn text(&mut self, value: &str) {
        if self.escape {
            self.out.push('"');
            self.out.extend(value.chars().flat_map(char::escape_debug));
            self.out.push('"');
        } else {
            self.raw_or_quoted("", value);
        }
    }

    /// `"…"`, or `r#"…"#` with one more `#` than the text ever has in a row when it holds a
    /// quote or a backslash.
    fn raw_or_quoted(&mut self, prefix: &str, value: &str) {
        self.out.push_str(prefix);
        if value.contains(['"', '\\']) {
            let (_, most) = value.chars().fold((0, 0), |(run, most), c| match c {
                '#' => (run + 1, usize::max(most, run + 1)),
                _ => (0, most),
            });
            let hashes = "#".repeat(most + 1);
            let _ = write!(self.out, "r{hashes}\"{value}\"{hashes}");
        } else {
            let _ = write!(self.out, "\"{value}\"");
        }
    }

    fn number(&mut self, value: impl std::fmt::Display) -> Result {
        let _ = write!(self.out, "{value}");
        Ok(())
    }
}

/// A compound being written: whether its first item is still to come.
pub struct Compound<'w> {
    writer: &'w mut Writer,
    first: bool,
}

impl<'w> Compound<'w> {
    fn new(writer: &'w mut Writer) -> Self {
        Compound {
            writer,
            first: true,
        }
    }
}

/// Integers, written as Rust writes them.
macro_rules! numbers {
    ($($method:ident: $type:ty),* $(,)?) => {$(
        fn $method(self, v: $type) -> Result {
            self.number(v)
        }
    )*};
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = ron::Error;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Compound<'w>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Compound<'w>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    numbers! {
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
    }
    fn serialize_f32(self, v: f32) -> Result {
        if v.is_nan() && v.is_sign_negative() {
            self.out.push('-');
        }
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result {
        if v.is_nan() && v.is_sign_negative() {
            self.out.push('-');
        }
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.out.push('\'');
        if v == '\\' || v == '\'' {
            self.out.push('\\');
        }
        self.out.push(v);
        self.out.push('\'');
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        self.text(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        match std::str::from_utf8(v) {
            Ok(text) if !self.escape => self.raw_or_quoted("b", text),
            _ => {
                self.out.push_str("b\"");
                self.out
                    .extend(v.iter().flat_map(|b| b.escape_ascii()).map(char::from));
                self.out.push('"');
            }
        }
        Ok(())
    }
    fn serialize_none(self) -> Result {
        self.out.push_str("None");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        self.out.push_str("Some(");
        self.nested(value)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_unit(self) -> Result {
        self.out.push_str("()");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.identifier(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        self.out.push('(');
        self.nested(value)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.identifier(variant)?;
        self.out.push('(');
        self.nested(value)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'w>> {
        self.out.push('[');
        self.open(len);
        Ok(Compound::new(self))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'w>> {
        self.out.push('(');
        Ok(Compound::new(self))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w>> {
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>> {
        self.identifier(variant)?;
        self.out.push('(');
        Ok(Compound::new(self))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'w>> {
        self.out.push('{');
        self.open(len);
        Ok(Compound::new(self))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w>> {
        self.out.push('(');
        self.open(Some(len));
        Ok(Compound::new(self))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'w>> {
        self.identifier(variant)?;
        self.out.push('(');
        self.open(Some(len));
        Ok(Compound::new(self))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.writer.item(&mut self.first);
        self.writer.nested(value)
    }
    fn end(self) -> Result {
        self.writer.close(self.first, ']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.writer.member(&mut self.first);
        self.writer.nested(value)
    }
    fn end(self) -> Result {
        self.writer.out.push(')');
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        ser::SerializeTuple::serialize_element(self, value)
    }
    fn end(self) -> Result {
        ser::SerializeTuple::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        ser::SerializeTuple::serialize_element(self, value)
    }
    fn end(self) -> Result {
        ser::SerializeTuple::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.writer.item(&mut self.first);
        self.writer.nested(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.writer.out.push(':');
        if self.writer.pretty {
            self.writer.out.push(' ');
        }
        self.writer.nested(value)
    }
    fn end(self) -> Result {
        self.writer.close(self.first, '}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.writer.item(&mut self.first);
        self.writer.key(key)?;
        self.writer.nested(value)
    }
    fn end(self) -> Result {
        self.writer.close(self.first, ')');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result {
        ser::SerializeStruct::end(self)
    }
}

#[cfg(test)]
mod tests;
