//! The shape of a type, traced through its own `Deserialize`: a reader that answers every
//! question the type's reader asks (which struct, which fields, which variant, one item of
//! each list) and notes the questions. Enums are read once per variant, each read choosing
//! a variant not yet seen, until every variant of every enum reached has been. Test code
//! only: it writes and checks `table.rs`.

use serde::de::value::{Error, StrDeserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Shape {
    Leaf,
    Named(&'static str),
    Seq(Box<Shape>),
    Map(Box<Shape>),
    Option(Box<Shape>),
    Tuple(Vec<Shape>),
    /// Not reached yet: only while tracing.
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Body {
    Struct(Vec<(&'static str, Shape)>),
    Newtype(Shape),
    Tuple(Vec<Shape>),
    Enum(Vec<(&'static str, Option<Variant>)>),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Variant {
    Unit,
    Newtype(Shape),
    Tuple(Vec<Shape>),
    Struct(Vec<(&'static str, Shape)>),
}

#[derive(Default)]
pub(super) struct Registry {
    pub(super) types: BTreeMap<&'static str, Body>,
    /// The named types being read, outermost first: one met again inside itself is read
    /// shallow (no list items, no option's value), so that a tree ends.
    stack: Vec<&'static str>,
    /// How many times each enum was met, to go round its variants once all are seen.
    met: BTreeMap<&'static str, usize>,
}

impl Registry {
    /// Traces `T` until every variant of every enum it reaches has been read.
    pub(super) fn trace<T: de::DeserializeOwned>(&mut self) {
        let cell = RefCell::new(std::mem::take(self));
        for _ in 0..10_000 {
            let slot = RefCell::new(Shape::Unknown);
            let read = T::deserialize(Probe {
                reg: &cell,
                slot: &slot,
                shallow: false,
            });
            if let Err(e) = read {
                panic!("{} cannot be traced: {e}", std::any::type_name::<T>());
            }
            if !cell.borrow().unexplored() {
                *self = cell.into_inner();
                return;
            }
        }
        panic!(
            "{}: some variants are never reached",
            std::any::type_name::<T>()
        );
    }

    fn unexplored(&self) -> bool {
        self.types.values().any(|b| match b {
            Body::Enum(vs) => vs.iter().any(|(_, v)| v.is_none()),
            _ => false,
        })
    }

    fn record(&mut self, name: &'static str, body: Body) {
        match self.types.get(name) {
            Some(old) if merge(old, &body).is_none() => {
                panic!("two types named {name} differ: {old:?} and {body:?}")
            }
            Some(old) => {
                let merged = merge(old, &body).unwrap_or(body);
                self.types.insert(name, merged);
            }
            None => {
                self.types.insert(name, body);
            }
        }
    }
}

/// Two reads of one type, the better known: `None` when they disagree.
fn merge(a: &Body, b: &Body) -> Option<Body> {
    Some(match (a, b) {
        (Body::Struct(x), Body::Struct(y)) => Body::Struct(merge_fields(x, y)?),
        (Body::Newtype(x), Body::Newtype(y)) => Body::Newtype(merge_shape(x, y)?),
        (Body::Tuple(x), Body::Tuple(y)) => Body::Tuple(merge_list(x, y)?),
        (Body::Enum(x), Body::Enum(y)) if x.len() == y.len() => Body::Enum(
            x.iter()
                .zip(y)
                .map(|((n, v), (m, w))| {
                    (n == m).then_some(())?;
                    Some((
                        *n,
                        match (v, w) {
                            (Some(v), Some(w)) => Some(merge_variant(v, w)?),
                            (Some(v), None) | (None, Some(v)) => Some(v.clone()),
                            (None, None) => None,
                        },
                    ))
                })
                .collect::<Option<_>>()?,
        ),
        _ => return None,
    })
}

fn merge_variant(a: &Variant, b: &Variant) -> Option<Variant> {
    Some(match (a, b) {
        (Variant::Unit, Variant::Unit) => Variant::Unit,
        (Variant::Newtype(x), Variant::Newtype(y)) => Variant::Newtype(merge_shape(x, y)?),
        (Variant::Tuple(x), Variant::Tuple(y)) => Variant::Tuple(merge_list(x, y)?),
        (Variant::Struct(x), Variant::Struct(y)) => Variant::Struct(merge_fields(x, y)?),
        _ => return None,
    })
}

fn merge_fields(
    a: &[(&'static str, Shape)],
    b: &[(&'static str, Shape)],
) -> Option<Vec<(&'static str, Shape)>> {
    (a.len() == b.len()).then_some(())?;
    a.iter()
        .zip(b)
        .map(|((n, x), (m, y))| (n == m).then(|| Some((*n, merge_shape(x, y)?)))?)
        .collect()
}

fn merge_list(a: &[Shape], b: &[Shape]) -> Option<Vec<Shape>> {
    (a.len() == b.len()).then_some(())?;
    a.iter().zip(b).map(|(x, y)| merge_shape(x, y)).collect()
}

fn merge_shape(a: &Shape, b: &Shape) -> Option<Shape> {
    Some(match (a, b) {
        (Shape::Unknown, x) | (x, Shape::Unknown) => x.clone(),
        (Shape::Seq(x), Shape::Seq(y)) => Shape::Seq(Box::new(merge_shape(x, y)?)),
        (Shape::Map(x), Shape::Map(y)) => Shape::Map(Box::new(merge_shape(x, y)?)),
        (Shape::Option(x), Shape::Option(y)) => Shape::Option(Box::new(merge_shape(x, y)?)),
        (Shape::Tuple(x), Shape::Tuple(y)) => Shape::Tuple(merge_list(x, y)?),
        (x, y) if x == y => x.clone(),
        _ => return None,
    })
}

/// The reader handed to the traced type: `slot` receives the shape of the value read.
struct Probe<'r> {
    reg: &'r RefCell<Registry>,
    slot: &'r RefCell<Shape>,
    shallow: bool,
}

impl<'r> Probe<'r> {
    fn set(&self, shape: Shape) {
        if !self.shallow {
            *self.slot.borrow_mut() = shape;
        }
    }

    /// Reads `seed` with a reader of its own, giving the shape it read.
    fn child<'de, S: DeserializeSeed<'de>>(
        &self,
        seed: S,
        shallow: bool,
    ) -> Result<(S::Value, Shape), Error> {
        let slot = RefCell::new(Shape::Unknown);
        let value = seed.deserialize(Probe {
            reg: self.reg,
            slot: &slot,
            shallow,
        })?;
        Ok((value, slot.into_inner()))
    }

    /// Whether a named type is being read inside itself.
    fn enter(&self, name: &'static str) -> bool {
        let mut reg = self.reg.borrow_mut();
        let inside = self.shallow || reg.stack.contains(&name);
        reg.stack.push(name);
        inside
    }

    fn leave(&self) {
        self.reg.borrow_mut().stack.pop();
    }
}

/// What a reader for text expects, as it says it (chrono's dates say "date").
struct Expecting<'v, V>(&'v V);
impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
}

/// A text the reader takes: a date for a date, a time for a time.
fn sample_text<'de, V: Visitor<'de>>(visitor: &V) -> &'static str {
    let expecting = Expecting(visitor).to_string();
    if expecting.contains("date and time") {
        "2026-03-10T09:00:00Z"
    } else if expecting.contains("date") {
        "2026-03-10"
    } else if expecting.contains("time") {
        "09:00:00"
    } else {
        "x"
    }
}

macro_rules! leaf {
    ($($method:ident => $visit:ident($($value:expr)?);)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.set(Shape::Leaf);
            visitor.$visit($($value)?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(de::Error::custom(
            "a self-describing field cannot be traced",
        ))
    }

    leaf! {
        deserialize_bool => visit_bool(false);
        deserialize_i8 => visit_i8(0);
        deserialize_i16 => visit_i16(0);
        deserialize_i32 => visit_i32(0);
        deserialize_i64 => visit_i64(0);
        deserialize_u8 => visit_u8(0);
        deserialize_u16 => visit_u16(0);
        deserialize_u32 => visit_u32(0);
        deserialize_u64 => visit_u64(0);
        deserialize_f32 => visit_f32(0.0);
        deserialize_f64 => visit_f64(0.0);
        deserialize_char => visit_char('x');
        deserialize_bytes => visit_bytes(&[]);
        deserialize_byte_buf => visit_bytes(&[]);
        deserialize_unit => visit_unit();
        deserialize_ignored_any => visit_unit();
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.set(Shape::Leaf);
        let text = sample_text(&visitor);
        visitor.visit_str(text)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.shallow {
            return visitor.visit_none();
        }
        let slot = RefCell::new(Shape::Unknown);
        let value = visitor.visit_some(Probe {
            reg: self.reg,
            slot: &slot,
            shallow: false,
        });
        self.set(Shape::Option(Box::new(slot.into_inner())));
        value
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let inside = self.enter(name);
        let slot = RefCell::new(Shape::Unknown);
        let value = visitor.visit_newtype_struct(Probe {
            reg: self.reg,
            slot: &slot,
            shallow: inside,
        });
        self.leave();
        if !inside {
            self.reg
                .borrow_mut()
                .record(name, Body::Newtype(slot.into_inner()));
        }
        self.set(Shape::Named(name));
        value
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items = Items::new(&self, usize::from(!self.shallow));
        let value = visitor.visit_seq(items.access());
        self.set(Shape::Seq(Box::new(items.first())));
        value
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        let items = Items::new(&self, len);
        let value = visitor.visit_seq(items.access());
        self.set(Shape::Tuple(items.shapes()));
        value
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let inside = self.enter(name);
        let items = Items::new(&self, len);
        let value = visitor.visit_seq(items.access());
        self.leave();
        if !inside {
            self.reg
                .borrow_mut()
                .record(name, Body::Tuple(items.shapes()));
        }
        self.set(Shape::Named(name));
        value
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let entries = usize::from(!self.shallow);
        let slot = RefCell::new(Shape::Unknown);
        let value = visitor.visit_map(Entries {
            probe: &self,
            left: entries,
            slot: &slot,
        });
        self.set(Shape::Map(Box::new(slot.into_inner())));
        value
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let inside = self.enter(name);
        let shapes = RefCell::new(Vec::new());
        let value = visitor.visit_map(Fields {
            probe: &self,
            fields,
            next: 0,
            shapes: &shapes,
            shallow: inside,
        });
        self.leave();
        if !inside {
            let shapes = shapes.into_inner();
            let body = fields.iter().copied().zip(shapes).collect();
            self.reg.borrow_mut().record(name, Body::Struct(body));
        }
        self.set(Shape::Named(name));
        value
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let inside = self.enter(name);
        let index = {
            let mut reg = self.reg.borrow_mut();
            if !reg.types.contains_key(name) {
                let unseen = variants.iter().map(|v| (*v, None)).collect();
                reg.types.insert(name, Body::Enum(unseen));
            }
            let met = reg.met.entry(name).or_default();
            *met += 1;
            let met = *met;
            let Some(Body::Enum(known)) = reg.types.get(name) else {
                panic!("{name} is an enum and another type");
            };
            let unit = known.iter().position(|(_, v)| *v == Some(Variant::Unit));
            match known.iter().position(|(_, v)| v.is_none()) {
                Some(unseen) if !inside => unseen,
                _ if inside => unit.unwrap_or(0),
                _ => met % variants.len(),
            }
        };
        let shape = RefCell::new(None);
        let value = visitor.visit_enum(Chosen {
            probe: &self,
            name: variants[index],
            shape: &shape,
            shallow: inside,
        });
        self.leave();
        if !inside && let Some(variant) = shape.into_inner() {
            let mut reg = self.reg.borrow_mut();
            if let Some(Body::Enum(known)) = reg.types.get_mut(name) {
                known[index].1 = Some(match &known[index].1 {
                    Some(old) => merge_variant(old, &variant).unwrap_or(variant),
                    None => variant,
                });
            }
        }
        self.set(Shape::Named(name));
        value
    }
}

/// A list's or a tuple's items, each read by a probe of its own.
struct Items<'p, 'r> {
    probe: &'p Probe<'r>,
    len: usize,
    shapes: RefCell<Vec<Shape>>,
}

impl<'p, 'r> Items<'p, 'r> {
    fn new(probe: &'p Probe<'r>, len: usize) -> Self {
        Items {
            probe,
            len,
            shapes: RefCell::new(Vec::new()),
        }
    }
    fn access(&self) -> ItemAccess<'_, 'p, 'r> {
        ItemAccess { items: self }
    }
    fn first(&self) -> Shape {
        self.shapes
            .borrow()
            .first()
            .cloned()
            .unwrap_or(Shape::Unknown)
    }
    fn shapes(&self) -> Vec<Shape> {
        self.shapes.borrow().clone()
    }
}

struct ItemAccess<'i, 'p, 'r> {
    items: &'i Items<'p, 'r>,
}

impl<'de> de::SeqAccess<'de> for ItemAccess<'_, '_, '_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.items.shapes.borrow().len() >= self.items.len {
            return Ok(None);
        }
        let (value, shape) = self.items.probe.child(seed, self.items.probe.shallow)?;
        self.items.shapes.borrow_mut().push(shape);
        Ok(Some(value))
    }
}

/// One entry of a map: a key and a value.
struct Entries<'p, 'r> {
    probe: &'p Probe<'r>,
    left: usize,
    slot: &'p RefCell<Shape>,
}

impl<'de> de::MapAccess<'de> for Entries<'_, '_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        Ok(Some(self.probe.child(seed, self.probe.shallow)?.0))
    }
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let (value, shape) = self.probe.child(seed, self.probe.shallow)?;
        *self.slot.borrow_mut() = shape;
        Ok(value)
    }
}

/// A struct's fields, each named and read in turn.
struct Fields<'p, 'r> {
    probe: &'p Probe<'r>,
    fields: &'static [&'static str],
    next: usize,
    shapes: &'p RefCell<Vec<Shape>>,
    shallow: bool,
}

impl<'de> de::MapAccess<'de> for Fields<'_, '_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(field) = self.fields.get(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        let key: StrDeserializer<'_, Error> = field.into_deserializer();
        seed.deserialize(key).map(Some)
    }
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let (value, shape) = self.probe.child(seed, self.shallow)?;
        self.shapes.borrow_mut().push(shape);
        Ok(value)
    }
}

/// The variant chosen for this read of an enum.
struct Chosen<'p, 'r> {
    probe: &'p Probe<'r>,
    name: &'static str,
    shape: &'p RefCell<Option<Variant>>,
    shallow: bool,
}

impl<'de, 'p, 'r> de::EnumAccess<'de> for Chosen<'p, 'r> {
    type Error = Error;
    type Variant = Self;
    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        let key: StrDeserializer<'_, Error> = self.name.into_deserializer();
        Ok((seed.deserialize(key)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for Chosen<'_, '_> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        *self.shape.borrow_mut() = Some(Variant::Unit);
        Ok(())
    }
    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        let (value, shape) = self.probe.child(seed, self.shallow)?;
        *self.shape.borrow_mut() = Some(Variant::Newtype(shape));
        Ok(value)
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        let probe = Probe {
            reg: self.probe.reg,
            slot: self.probe.slot,
            shallow: self.shallow,
        };
        let items = Items::new(&probe, len);
        let value = visitor.visit_seq(items.access());
        *self.shape.borrow_mut() = Some(Variant::Tuple(items.shapes()));
        value
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let shapes = RefCell::new(Vec::new());
        let value = visitor.visit_map(Fields {
            probe: self.probe,
            fields,
            next: 0,
            shapes: &shapes,
            shallow: self.shallow,
        });
        let body = fields.iter().copied().zip(shapes.into_inner()).collect();
        *self.shape.borrow_mut() = Some(Variant::Struct(body));
        value
    }
}
