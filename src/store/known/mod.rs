//! The fields a file holds that this atelier does not know: a hand edit's typo, or a newer
//! atelier's addition within the same version. Serde skips them silently, so what they hold
//! would be lost at the next save: `check` names them, and a file holding some is never saved
//! over (its first save makes a conflict copy).
//!
//! They are found by walking the file's text beside the shape of its type ([`table`]: every
//! struct's fields, every enum's variants, what each holds), not by wrapping serde's readers:
//! a wrapper (`serde_ignored`) compiled every reader of a session and a record a second time,
//! about 0.45 MB of the binary. The table is generated from the types themselves by a test
//! (`trace.rs`), which fails when a type changes and the table was not generated again, so
//! the two cannot drift apart. The paths are the ones `serde_ignored` gave (`needs.cards.3.x`,
//! `?` for what an option or a newtype holds), checked against it by that test's neighbours.

mod scan;
mod table;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod trace;

use scan::Scan;

/// What a value of a field is, as far as finding unknown fields goes. No type of a session or
/// a record holds a tuple or a newtype today; the walk knows them for the day one does.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Shape {
    /// Holds no named fields (a number, a string, a date, an id).
    Leaf,
    /// A struct, an enum or a newtype, by its name in [`table::TYPES`].
    Named(&'static str),
    Seq(&'static Shape),
    /// A map's values (its keys hold no fields).
    Map(&'static Shape),
    Option(&'static Shape),
    Tuple(&'static [Shape]),
}

/// A named type of the table.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Body {
    Struct(&'static [(&'static str, Shape)]),
    Newtype(Shape),
    Tuple(&'static [Shape]),
    Enum(&'static [(&'static str, Variant)]),
}

#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Variant {
    Unit,
    Newtype(Shape),
    Tuple(&'static [Shape]),
    Struct(&'static [(&'static str, Shape)]),
}

/// The paths of the fields `text` holds that the type named `root` (`Session`, `Visit`...)
/// does not know, in the order they come. `text` is expected to be one the type reads: where
/// the text is not what the type's shape says, the walk skips that value rather than guess.
pub(super) fn unknown_fields(text: &str, root: &'static str) -> Vec<String> {
    let mut walk = Walk {
        scan: Scan::new(text),
        path: Vec::new(),
        unknown: Vec::new(),
    };
    walk.scan.attributes();
    walk.value(Shape::Named(root));
    walk.unknown
}

fn body(name: &str) -> Option<Body> {
    table::TYPES
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| table::TYPES[i].1)
}

struct Walk<'t> {
    scan: Scan<'t>,
    /// Where the walk is; written out only for an unknown field.
    path: Vec<Segment<'t>>,
    unknown: Vec<String>,
}

/// A step of a path as `serde_ignored` wrote it: a field's name, an index, a map's key, or
/// `?` for what an option or a newtype holds.
enum Segment<'t> {
    Name(&'t str),
    Index(usize),
    Key(String),
    Inside,
}

impl std::fmt::Display for Segment<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Segment::Name(name) => f.write_str(name),
            Segment::Index(k) => write!(f, "{k}"),
            Segment::Key(key) => f.write_str(key),
            Segment::Inside => f.write_str("?"),
        }
    }
}

impl<'t> Walk<'t> {
    fn value(&mut self, shape: Shape) {
        match shape {
            Shape::Leaf => self.scan.skip_value(),
            Shape::Seq(item) => self.seq(b'[', b']', |_| Some(*item)),
            Shape::Tuple(items) => {
                self.scan.ident();
                self.seq(b'(', b')', |k| items.get(k).copied());
            }
            Shape::Map(item) => self.map(*item),
            Shape::Option(inner) => self.option(*inner),
            Shape::Named(name) => match body(name) {
                Some(Body::Struct(fields)) => {
                    self.scan.ident();
                    self.fields(fields);
                }
                Some(Body::Newtype(inner)) => {
                    self.scan.ident();
                    self.wrapped(inner);
                }
                Some(Body::Tuple(items)) => {
                    self.scan.ident();
                    self.seq(b'(', b')', |k| items.get(k).copied());
                }
                Some(Body::Enum(variants)) => self.variant(variants),
                None => self.scan.skip_value(),
            },
        }
    }

    fn option(&mut self, inner: Shape) {
        let at = self.scan.mark();
        match self.scan.ident() {
            Some("None") => {}
            Some("Some") if self.scan.eat(b'(') => {
                self.nested(Segment::Inside, inner);
                self.scan.close(b')');
            }
            // `implicit_some`: the value alone.
            _ => {
                self.scan.reset(at);
                self.nested(Segment::Inside, inner);
            }
        }
    }

    /// `(inner)`, as a newtype struct or a newtype variant holds its value.
    fn wrapped(&mut self, inner: Shape) {
        if !self.scan.eat(b'(') {
            return self.scan.skip_value();
        }
        // `unwrap_variant_newtypes`: a struct's fields straight inside the parentheses.
        if let Shape::Named(name) = inner
            && let Some(Body::Struct(fields)) = body(name)
            && self.scan.field_follows()
        {
            self.path.push(Segment::Inside);
            self.fields_until_close(fields);
            self.path.pop();
            return;
        }
        self.nested(Segment::Inside, inner);
        self.scan.close(b')');
    }

    fn variant(&mut self, variants: &[(&str, Variant)]) {
        let Some(name) = self.scan.ident() else {
            return self.scan.skip_value();
        };
        let Some((_, variant)) = variants.iter().find(|(n, _)| *n == name) else {
            return self.scan.skip_group();
        };
        match variant {
            Variant::Unit => self.scan.skip_group(),
            Variant::Newtype(inner) => self.wrapped(*inner),
            Variant::Tuple(items) => self.seq(b'(', b')', |k| items.get(k).copied()),
            Variant::Struct(fields) => self.fields(fields),
        }
    }

    fn fields(&mut self, fields: &[(&'static str, Shape)]) {
        if !self.scan.eat(b'(') {
            return self.scan.skip_value();
        }
        self.fields_until_close(fields);
    }

    fn fields_until_close(&mut self, fields: &[(&'static str, Shape)]) {
        while !self.scan.eat(b')') {
            let Some(key) = self.scan.ident() else {
                return self.scan.close(b')');
            };
            if !self.scan.eat(b':') {
                return self.scan.close(b')');
            }
            match fields.iter().find(|(n, _)| *n == key) {
                Some((_, shape)) => self.nested(Segment::Name(key), *shape),
                None => {
                    self.path.push(Segment::Name(key));
                    let path: Vec<String> = self.path.iter().map(ToString::to_string).collect();
                    self.unknown.push(path.join("."));
                    self.path.pop();
                    self.scan.skip_value();
                }
            }
            if !self.scan.eat(b',') {
                return self.scan.close(b')');
            }
        }
    }

    fn seq(&mut self, open: u8, close: u8, item: impl Fn(usize) -> Option<Shape>) {
        if !self.scan.eat(open) {
            return self.scan.skip_value();
        }
        let mut k = 0;
        while !self.scan.eat(close) {
            match item(k) {
                Some(shape) => self.nested(Segment::Index(k), shape),
                None => self.scan.skip_value(),
            }
            k += 1;
            if !self.scan.eat(b',') {
                return self.scan.close(close);
            }
        }
    }

    fn map(&mut self, item: Shape) {
        if !self.scan.eat(b'{') {
            return self.scan.skip_value();
        }
        while !self.scan.eat(b'}') {
            let key = self.scan.key();
            if !self.scan.eat(b':') {
                return self.scan.close(b'}');
            }
            self.nested(Segment::Key(key), item);
            if !self.scan.eat(b',') {
                return self.scan.close(b'}');
            }
        }
    }

    fn nested(&mut self, segment: Segment<'t>, shape: Shape) {
        self.path.push(segment);
        self.value(shape);
        self.path.pop();
    }
}
