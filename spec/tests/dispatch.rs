//! The contract and the core's dispatch tables agree: every SDK method of the OpenAPI documents
//! (`x-sdk`) can be called by name through `agents_sdk::{platform, ops}::dispatch`, with the
//! same kind, and the tables hold nothing the documents do not describe.

use std::collections::BTreeMap;

use agents_sdk::dispatch::Kind;
use serde_json::Value;

fn x_sdk(document: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for item in document["paths"].as_object().expect("paths").values() {
        for op in item.as_object().expect("path item").values() {
            for m in op["x-sdk"].as_array().into_iter().flatten() {
                let name = m["name"].as_str().expect("x-sdk name").to_owned();
                let kind = m["kind"].as_str().expect("x-sdk kind").to_owned();
                assert!(out.insert(name.clone(), kind).is_none(), "{name} twice");
            }
        }
    }
    out
}

fn table(ops: &[(&str, Kind)]) -> BTreeMap<String, String> {
    ops.iter()
        .map(|(name, kind)| ((*name).to_owned(), kind.as_str().to_owned()))
        .collect()
}

#[test]
fn platform_dispatch_covers_the_document() {
    let doc = agents_spec::platform_document();
    assert_eq!(
        x_sdk(&doc),
        table(agents_sdk::platform::dispatch::OPERATIONS)
    );
}

#[test]
fn ops_dispatch_covers_the_document() {
    let doc = agents_spec::ops_document();
    assert_eq!(x_sdk(&doc), table(agents_sdk::ops::dispatch::OPERATIONS));
}
