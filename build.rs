//! Deflates the shipped sessions (`sessions/*.ron`) into `OUT_DIR/sessions/` for
//! `demo::FILES`: their 460 KB of text take 80 KB of the binary that way, and `atelier demo`
//! inflates them when it writes its throwaway copy.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=sessions");
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("sessions");
    std::fs::create_dir_all(&out).expect("OUT_DIR/sessions can be made");
    for entry in std::fs::read_dir("sessions").expect("sessions/ is readable") {
        let path = entry.expect("sessions/ is readable").path();
        if path.extension().is_some_and(|e| e == "ron") {
            let text = std::fs::read(&path).expect("a shipped session is readable");
            let packed = miniz_oxide::deflate::compress_to_vec(&text, 10);
            let name = path.file_name().expect("a file name");
            std::fs::write(out.join(name), packed).expect("OUT_DIR is writable");
        }
    }
}
