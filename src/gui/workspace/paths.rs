//! Paths written losslessly: as a string when they are valid Unicode, otherwise (on Unix) as
//! `{"unix_bytes": [..]}`, so a folder name in a legacy encoding survives a save.

use std::path::PathBuf;

use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::Value;

pub fn serialize<S: Serializer>(paths: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(paths.len()))?;
    for p in paths {
        seq.serialize_element(&to_value(p))?;
    }
    seq.end()
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PathBuf>, D::Error> {
    let value = Value::deserialize(d)?;
    from_value(&value).map_err(serde::de::Error::custom)
}

fn to_value(p: &std::path::Path) -> Value {
    if let Some(s) = p.to_str() {
        return Value::String(s.to_string());
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes: Vec<Value> = p
            .as_os_str()
            .as_bytes()
            .iter()
            .map(|b| (*b).into())
            .collect();
        serde_json::json!({ "unix_bytes": bytes })
    }
    #[cfg(not(unix))]
    Value::String(p.to_string_lossy().into_owned())
}

pub fn from_value(value: &Value) -> Result<Vec<PathBuf>, String> {
    let Value::Array(items) = value else {
        return Err(format!("not a list: {value}"));
    };
    items.iter().map(one).collect()
}

fn one(v: &Value) -> Result<PathBuf, String> {
    match v {
        Value::String(s) => Ok(PathBuf::from(s)),
        Value::Object(o) => {
            let bytes: Option<Vec<u8>> =
                o.get("unix_bytes").and_then(Value::as_array).and_then(|a| {
                    a.iter()
                        .map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                        .collect()
                });
            let bytes = bytes.ok_or_else(|| format!("not a path: {v}"))?;
            #[cfg(unix)]
            {
                use std::os::unix::ffi::OsStrExt;
                Ok(PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)))
            }
            #[cfg(not(unix))]
            Ok(PathBuf::from(String::from_utf8_lossy(&bytes).into_owned()))
        }
        _ => Err(format!("not a path: {v}")),
    }
}

/// One optional path, written as [`serialize`] writes each path of a list.
pub mod optional {
    use std::path::PathBuf;

    use serde::{Deserialize, Deserializer, Serializer};
    use serde_json::Value;

    #[allow(clippy::ref_option)] // serde's `with` hands the field over by reference.
    pub fn serialize<S: Serializer>(path: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
        match path {
            Some(p) => s.serialize_some(&super::to_value(p)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(None),
            v => super::one(&v).map(Some).map_err(serde::de::Error::custom),
        }
    }
}
