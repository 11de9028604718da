//! The modules of `src/` import one another in one direction: no circle.
//!
//! The rule, checked at every level of the module tree: among the children of a module (the
//! top-level modules for the crate root; `update::home`, `update::review`… for `update`),
//! the "uses" graph has no cycle. A child uses a sibling when a file in it names a path
//! under the sibling: `crate::a::b` or `super::b`, in a `use` or in an expression, with
//! `super::` and `self::` resolved and a re-exported item (`pub use`, globs included) counted
//! as the module that defines it. A module's own file (`mod.rs`, `foo.rs` beside `foo/`,
//! `lib.rs`) is left out of its children's graph: it declares them and gathers what they
//! share, so children naturally use their parent's items and the parent uses its children.
//!
//! Why every level and not only the top one: a circle between two files is the same knot as
//! one between two folders, only smaller; neither file can be read, tested or moved without
//! the other. Code under `#[cfg(test)]` counts too: a test that reaches into a module above
//! its own ties the two just as much.
//!
//! `update`'s session files were the last knot: the dispatcher, the techniques and the open
//! field called one another. They are now layered: `journal` (record a change) and `open`
//! (put a field or picker on screen) at the bottom, the techniques above them, `edit` (what a
//! field or picker validated, routed to its technique) above those, `phases` and `saving`
//! beside, and `session` (the keys of a session on screen) on top. A field that leaves a key
//! to the session says so in what it returns (`edit::FieldKey::PassOn`) instead of calling
//! back up.
//!
//! The test prints each cycle it finds, with the file and line of every step.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// One reference from a file to a path of the crate.
struct Use {
    path: Module,
    line: usize,
}

struct SourceFile {
    rel: String,
    module: Module,
    /// `pub use` paths of this file, with the name each one brings in.
    reexports: Vec<(Module, String)>,
    /// Whether one of its `pub use` is a glob (`pub use records::*`), with the glob's path.
    globs: Vec<Module>,
    /// Names of the items the file defines at its top (for glob re-exports).
    items: BTreeSet<String>,
    uses: Vec<Use>,
}

#[test]
fn modules_import_each_other_in_one_direction() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_crate(&root);
    let mut problems = Vec::new();
    for c in cycles(&files) {
        problems.push(c.text);
    }
    assert!(
        problems.is_empty(),
        "import cycles between modules:\n\n{}",
        problems.join("\n\n")
    );
}

/// A cycle between the children of a module, as it reads: its circle with the evidence of
/// each step.
struct Cycle {
    text: String,
}

/// The cycles of the crate: one for each group of sibling modules that use one another
/// (a strongly connected component), said as one of its circles with the evidence of each
/// step.
fn cycles(files: &[SourceFile]) -> Vec<Cycle> {
    let modules: BTreeSet<Module> = files.iter().map(|f| f.module.clone()).collect();
    let resolver = Resolver::new(files, &modules);
    // parent → (child, child) → first evidence.
    let mut graphs: BTreeMap<Module, BTreeMap<(String, String), String>> = BTreeMap::new();
    for f in files {
        for u in &f.uses {
            let target = resolver.resolve(&u.path, 0);
            let k = f
                .module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if k == f.module.len() || k == target.len() {
                // Within its own subtree, or an item of an ancestor's own file.
                continue;
            }
            let parent = f.module[..k].to_vec();
            let edge = (f.module[k].clone(), target[k].clone());
            graphs
                .entry(parent)
                .or_default()
                .entry(edge)
                .or_insert_with(|| format!("{}:{} names {}", f.rel, u.line, show(&u.path)));
        }
    }
    let mut out = Vec::new();
    for (parent, edges) in &graphs {
        for (members, cycle) in find_cycles(edges) {
            let name = |m: &str| {
                if parent.is_empty() {
                    m.to_string()
                } else {
                    format!("{}::{m}", parent.join("::"))
                }
            };
            let mut text = cycle
                .iter()
                .chain(cycle.first())
                .map(|m| name(m))
                .collect::<Vec<_>>()
                .join(" → ");
            if members.len() > cycle.len() {
                text.push_str(&format!(
                    "\n  (one of the circles between {} modules that all reach one another: {})",
                    members.len(),
                    members.join(", ")
                ));
            }
            for pair in cycle.iter().zip(cycle.iter().cycle().skip(1)) {
                let why = &edges[&(pair.0.clone(), pair.1.clone())];
                text.push_str(&format!("\n  {} → {}: {why}", name(pair.0), name(pair.1)));
            }
            out.push(Cycle { text });
        }
    }
    out
}

fn show(path: &Module) -> String {
    format!("crate::{}", path.join("::"))
}

/// Each strongly connected component of more than one node (Tarjan), sorted, with its
/// shortest circle through its smallest node.
fn find_cycles(edges: &BTreeMap<(String, String), String>) -> Vec<(Vec<String>, Vec<String>)> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        next.entry(a).or_default().push(b);
        next.entry(b).or_default();
    }
    let nodes: Vec<&str> = next.keys().copied().collect();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut low: BTreeMap<&str, usize> = BTreeMap::new();
    let mut stack: Vec<&str> = Vec::new();
    let mut on_stack: BTreeSet<&str> = BTreeSet::new();
    let mut components: Vec<Vec<&str>> = Vec::new();
    fn visit<'a>(
        v: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        index: &mut BTreeMap<&'a str, usize>,
        low: &mut BTreeMap<&'a str, usize>,
        stack: &mut Vec<&'a str>,
        on_stack: &mut BTreeSet<&'a str>,
        components: &mut Vec<Vec<&'a str>>,
    ) {
        let i = index.len();
        index.insert(v, i);
        low.insert(v, i);
        stack.push(v);
        on_stack.insert(v);
        for w in &next[v] {
            if !index.contains_key(w) {
                visit(w, next, index, low, stack, on_stack, components);
                low.insert(v, low[v].min(low[w]));
            } else if on_stack.contains(w) {
                low.insert(v, low[v].min(index[w]));
            }
        }
        if low[v] == index[v] {
            let mut component = Vec::new();
            while let Some(w) = stack.pop() {
                on_stack.remove(w);
                component.push(w);
                if w == v {
                    break;
                }
            }
            components.push(component);
        }
    }
    for v in &nodes {
        if !index.contains_key(v) {
            visit(
                v,
                &next,
                &mut index,
                &mut low,
                &mut stack,
                &mut on_stack,
                &mut components,
            );
        }
    }
    let mut cycles = Vec::new();
    for component in components.into_iter().filter(|c| c.len() > 1) {
        let inside: BTreeSet<&str> = component.iter().copied().collect();
        let start = *inside.first().unwrap();
        // The shortest way back to the start, breadth first, inside the component.
        let mut from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        let mut last = None;
        'search: while let Some(v) = queue.pop_front() {
            for w in &next[v] {
                if *w == start {
                    last = Some(v);
                    break 'search;
                }
                if inside.contains(w) && !from.contains_key(w) {
                    from.insert(w, v);
                    queue.push_back(w);
                }
            }
        }
        let mut cycle = Vec::new();
        let mut v = last.expect("a component of two or more nodes has a cycle");
        while v != start {
            cycle.push(v.to_string());
            v = from[v];
        }
        cycle.push(start.to_string());
        cycle.reverse();
        cycles.push((inside.iter().map(|m| m.to_string()).collect(), cycle));
    }
    cycles
}

/// Finds which module a path names, through re-exports.
struct Resolver<'a> {
    modules: &'a BTreeSet<Module>,
    /// (module, name) → the path it re-exports.
    reexports: BTreeMap<(Module, String), Module>,
    /// module → the modules it re-exports everything of.
    globs: BTreeMap<Module, Vec<Module>>,
    items: BTreeMap<Module, &'a BTreeSet<String>>,
}

impl<'a> Resolver<'a> {
    fn new(files: &'a [SourceFile], modules: &'a BTreeSet<Module>) -> Resolver<'a> {
        let mut reexports = BTreeMap::new();
        let mut globs: BTreeMap<Module, Vec<Module>> = BTreeMap::new();
        let mut items = BTreeMap::new();
        for f in files {
            for (path, name) in &f.reexports {
                reexports.insert((f.module.clone(), name.clone()), path.clone());
            }
            globs
                .entry(f.module.clone())
                .or_default()
                .extend(f.globs.iter().cloned());
            items.insert(f.module.clone(), &f.items);
        }
        Resolver {
            modules,
            reexports,
            globs,
            items,
        }
    }

    /// The module that defines what a path names (the longest module the path starts with,
    /// followed through re-exports).
    fn resolve(&self, path: &[String], depth: usize) -> Module {
        let mut m: Module = Vec::new();
        for seg in path {
            let mut longer = m.clone();
            longer.push(seg.clone());
            if !self.modules.contains(&longer) {
                break;
            }
            m = longer;
        }
        let Some(name) = path.get(m.len()) else {
            return m;
        };
        if depth > 8 {
            return m;
        }
        if let Some(to) = self.reexports.get(&(m.clone(), name.clone())) {
            let mut to = to.clone();
            to.extend(path[m.len() + 1..].iter().cloned());
            return self.resolve(&to, depth + 1);
        }
        for glob in self.globs.get(&m).into_iter().flatten() {
            let target = self.resolve(glob, depth + 1);
            if self.items.get(&target).is_some_and(|i| i.contains(name)) {
                return target;
            }
        }
        m
    }
}

// ---------------------------------------------------------------------------------------
// Reading the crate

fn read_crate(root: &Path) -> Vec<SourceFile> {
    let mut paths = Vec::new();
    walk(root, &mut paths);
    paths.sort();
    let texts: Vec<(PathBuf, String)> = paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    // A file pulled in with `include!` is part of the module that includes it.
    let mut included: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    for (p, text) in &texts {
        let mut rest = text.as_str();
        while let Some(at) = rest.find("include!(\"") {
            rest = &rest[at + 10..];
            let end = rest.find('"').unwrap();
            included.insert(p.parent().unwrap().join(&rest[..end]), p.clone());
            rest = &rest[end..];
        }
    }
    let module_of = |p: &Path| -> Option<Module> {
        let mut p = p.to_path_buf();
        while let Some(by) = included.get(&p) {
            p = by.clone();
        }
        let rel = p.strip_prefix(root).unwrap().with_extension("");
        let mut segs: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .collect();
        match segs.as_slice() {
            [only] if only == "main" => return None,
            [only] if only == "lib" => return Some(Vec::new()),
            _ => {}
        }
        if segs.last().is_some_and(|s| s == "mod") {
            segs.pop();
        }
        Some(segs)
    };
    let mut files: Vec<SourceFile> = Vec::new();
    for (p, text) in &texts {
        let Some(module) = module_of(p) else { continue };
        let rel = p
            .strip_prefix(root.parent().unwrap())
            .unwrap()
            .display()
            .to_string();
        files.push(parse(rel, module, text));
    }
    files
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// A token of Rust source and its line.
struct Tok<'a> {
    text: &'a str,
    line: usize,
}

fn parse(rel: String, module: Module, text: &str) -> SourceFile {
    let code = strip(text);
    let toks = tokens(&code);
    let t = |i: usize| toks.get(i).map(|t| t.text).unwrap_or("");
    let mut file = SourceFile {
        rel,
        module: module.clone(),
        reexports: Vec::new(),
        globs: Vec::new(),
        items: BTreeSet::new(),
        uses: Vec::new(),
    };
    // Inline modules (`mod tests { … }`): their name and the depth of their body.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let here: Module = module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        match t(i) {
            "{" => depth += 1,
            "}" => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            "mod" if is_ident(t(i + 1)) && t(i + 2) == "{" => {
                inline.push((t(i + 1).to_string(), depth + 1));
                i += 2;
                continue;
            }
            "fn" | "struct" | "enum" | "const" | "static" | "type" | "trait" | "union" | "mod"
            | "macro_rules"
                if depth == 0 && is_ident(t(i + 1)) =>
            {
                file.items.insert(t(i + 1).to_string());
            }
            "use" => {
                let public = t(i.wrapping_sub(1)) == "pub" || t(i.wrapping_sub(1)) == ")";
                let line = toks[i].line;
                i += 1;
                let mut found = Vec::new();
                let start: Module = match t(i) {
                    // `use child::x`: relative to the module, when it names a child.
                    s if is_ident(s) && !matches!(s, "crate" | "super" | "self") => here.clone(),
                    "::" => {
                        // `use ::std::…`: another crate.
                        i += 1;
                        continue;
                    }
                    _ => here.clone(),
                };
                tree(&toks, &mut i, start, &mut found);
                for (path, name) in found {
                    if public && depth == 0 && inline.is_empty() {
                        if name == "*" {
                            file.globs.push(path.clone());
                        } else {
                            file.reexports.push((path.clone(), name));
                        }
                    }
                    file.uses.push(Use { path, line });
                }
                continue;
            }
            "crate" | "super" | "self"
                if t(i + 1) == "::"
                    && t(i.wrapping_sub(1)) != "::"
                    && t(i.wrapping_sub(1)) != "$" =>
            {
                let line = toks[i].line;
                let mut found = Vec::new();
                tree(&toks, &mut i, here.clone(), &mut found);
                for (path, _) in found {
                    file.uses.push(Use { path, line });
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    file
}

/// Reads a path or a use tree starting at `toks[*i]`, relative to `path`; pushes each full
/// path with the name it brings in (its last segment, its `as` name, or `*`).
fn tree(toks: &[Tok], i: &mut usize, mut path: Module, out: &mut Vec<(Module, String)>) {
    let t = |i: usize| toks.get(i).map(|t| t.text).unwrap_or("");
    let mut first = true;
    loop {
        match t(*i) {
            "{" => {
                *i += 1;
                loop {
                    match t(*i) {
                        "}" => {
                            *i += 1;
                            return;
                        }
                        "," => *i += 1,
                        "" => return,
                        _ => {
                            tree(toks, i, path.clone(), out);
                            // Whatever follows an item up to its separator.
                            while !matches!(t(*i), "," | "}" | "") {
                                *i += 1;
                            }
                        }
                    }
                }
            }
            "*" => {
                *i += 1;
                out.push((path, "*".to_string()));
                return;
            }
            "crate" if first => path.clear(),
            "super" => {
                path.pop();
            }
            "self" => {}
            s if is_ident(s) => path.push(s.to_string()),
            _ => {
                let name = path.last().cloned().unwrap_or_default();
                out.push((path, name));
                return;
            }
        }
        first = false;
        *i += 1;
        if t(*i) == "::" {
            *i += 1;
            continue;
        }
        let mut name = path.last().cloned().unwrap_or_default();
        if t(*i) == "as" {
            name = t(*i + 1).to_string();
            *i += 2;
        }
        out.push((path, name));
        return;
    }
}

fn is_ident(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Splits code (comments and literals already blanked) into identifiers, `::` and single
/// characters.
fn tokens(code: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut line = 1;
    let bytes: Vec<(usize, char)> = code.char_indices().collect();
    let mut k = 0;
    while k < bytes.len() {
        let (at, c) = bytes[k];
        if c == '\n' {
            line += 1;
            k += 1;
        } else if c.is_whitespace() {
            k += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let mut end = k;
            while end < bytes.len() && (bytes[end].1.is_alphanumeric() || bytes[end].1 == '_') {
                end += 1;
            }
            let stop = bytes.get(end).map(|b| b.0).unwrap_or(code.len());
            out.push(Tok {
                text: &code[at..stop],
                line,
            });
            k = end;
        } else if c == ':' && bytes.get(k + 1).is_some_and(|b| b.1 == ':') {
            out.push(Tok {
                text: &code[at..at + 2],
                line,
            });
            k += 2;
        } else {
            out.push(Tok {
                text: &code[at..at + c.len_utf8()],
                line,
            });
            k += 1;
        }
    }
    out
}

/// The code with comments, strings and character literals blanked out (new lines kept).
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut k = 0;
    while k < c.len() {
        let at = |j: usize| c.get(j).copied().unwrap_or('\0');
        if at(k) == '/' && at(k + 1) == '/' {
            while k < c.len() && c[k] != '\n' {
                k += 1;
            }
        } else if at(k) == '/' && at(k + 1) == '*' {
            let mut nest = 0;
            loop {
                if at(k) == '/' && at(k + 1) == '*' {
                    nest += 1;
                    k += 2;
                } else if at(k) == '*' && at(k + 1) == '/' {
                    nest -= 1;
                    k += 2;
                    if nest == 0 {
                        break;
                    }
                } else if k >= c.len() {
                    break;
                } else {
                    blank(&mut out, c[k]);
                    k += 1;
                }
            }
        } else if (at(k) == 'r' || (at(k) == 'b' && at(k + 1) == 'r'))
            && !at(k.wrapping_sub(1)).is_alphanumeric()
            && {
                let mut j = k + if at(k) == 'b' { 2 } else { 1 };
                while at(j) == '#' {
                    j += 1;
                }
                at(j) == '"'
            }
        {
            // A raw string: r"…", r#"…"#, br"…".
            k += if at(k) == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while at(k) == '#' {
                hashes += 1;
                k += 1;
            }
            k += 1;
            out.push('"');
            loop {
                if k >= c.len() {
                    break;
                }
                if c[k] == '"' && (1..=hashes).all(|h| at(k + h) == '#') {
                    k += 1 + hashes;
                    break;
                }
                blank(&mut out, c[k]);
                k += 1;
            }
            out.push('"');
        } else if at(k) == '"' {
            out.push('"');
            k += 1;
            while k < c.len() && c[k] != '"' {
                if c[k] == '\\' {
                    blank(&mut out, c[k]);
                    k += 1;
                }
                if k < c.len() {
                    blank(&mut out, c[k]);
                    k += 1;
                }
            }
            out.push('"');
            k += 1;
        } else if at(k) == '\'' && (at(k + 1) == '\\' || at(k + 2) == '\'') {
            // A character literal ('a', '\n', '\u{301}'); a lifetime has no closing quote.
            out.push('\'');
            k += 1;
            if at(k) == '\\' {
                k += 1;
            }
            k += 1;
            while k < c.len() && c[k] != '\'' {
                k += 1;
            }
            out.push('\'');
            k += 1;
        } else {
            out.push(c[k]);
            k += 1;
        }
    }
    out
}
