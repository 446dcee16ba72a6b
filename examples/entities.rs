//! Development aid: print the entities found in a text file.
//! `cargo run --example entities -- FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    let sentences = summitry::text::split_sentences(&text);
    for m in summitry::entities::find(&text, &sentences) {
        println!("{:>6} {:<30} {:?}", m.span.start(), m.span.slice(&text), m.entity);
    }
}
