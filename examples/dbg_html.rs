fn main() {
    let path = std::env::args().nth(1).unwrap();
    let f = summitry::ingest::SourceFile { id: "x.html".into(), path: Some(path.into()) };
    for d in summitry::ingest::load(&f, &|_| None) {
        match d {
            Ok(d) => { println!("title={:?} pub={:?} src={:?} url={:?} author={:?}\n---\n{}", d.title, d.published, d.source, d.url, d.author, d.text); }
            Err(e) => println!("ERR {e}"),
        }
    }
}
