//! Quote arithmetic for the DishtaYantra Native calculator, written in Rust with no crates.
//!
//! Build: cargo build --release --offline (the library is target/release/libquote_math.so).

use std::slice;

const DY_OK: i32 = 0;
const DY_BUFFER_TOO_SMALL: i32 = 1;
const DY_ERROR: i32 = 2;

/// Reads the number after `"name":` in a flat JSON object.
fn find_number(json: &str, name: &str) -> Option<f64> {
    let pattern = format!("\"{}\":", name);
    let start = json.find(&pattern)? + pattern.len();
    let rest = &json[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// Copies `text` into the caller's buffer, or reports the size it needs.
///
/// # Safety
/// `out_buf` must have room for `out_cap` bytes and `out_len` must be writable.
unsafe fn write_out(text: &str, code: i32, out_buf: *mut u8, out_cap: usize, out_len: *mut usize) -> i32 {
    *out_len = text.len();
    if text.len() > out_cap {
        return if code == DY_OK { DY_BUFFER_TOO_SMALL } else { code };
    }
    std::ptr::copy_nonoverlapping(text.as_ptr(), out_buf, text.len());
    code
}

/// JSON style: reads bid and ask, writes `{"mid": ..., "spread": ...}`.
///
/// # Safety
/// The caller passes `in_len` readable bytes at `in_json`, `out_cap` writable bytes at `out_buf`
/// and a writable `out_len`, as the DishtaYantra Native calculator does.
#[no_mangle]
pub unsafe extern "C" fn quote_mid_json(
    in_json: *const u8,
    in_len: usize,
    out_buf: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> i32 {
    let input = match std::str::from_utf8(slice::from_raw_parts(in_json, in_len)) {
        Ok(text) => text,
        Err(_) => return write_out("input is not UTF-8", DY_ERROR, out_buf, out_cap, out_len),
    };
    match (find_number(input, "bid"), find_number(input, "ask")) {
        (Some(bid), Some(ask)) => {
            let result = format!("{{\"mid\":{},\"spread\":{}}}", (bid + ask) / 2.0, ask - bid);
            write_out(&result, DY_OK, out_buf, out_cap, out_len)
        }
        _ => write_out("bid and ask must be numbers", DY_ERROR, out_buf, out_cap, out_len),
    }
}

/// Numeric style: inputs are the columns bid, ask; outputs are the columns mid, spread.
///
/// # Safety
/// `inputs` and `outputs` point to `n_inputs` and `n_outputs` column pointers, each column with
/// `rows` doubles, as the DishtaYantra Native calculator passes them.
#[no_mangle]
pub unsafe extern "C" fn quote_mid_numeric(
    inputs: *const *const f64,
    n_inputs: usize,
    outputs: *const *mut f64,
    n_outputs: usize,
    rows: usize,
) -> i32 {
    if n_inputs != 2 || n_outputs != 2 {
        return DY_ERROR;
    }
    let inputs = slice::from_raw_parts(inputs, n_inputs);
    let outputs = slice::from_raw_parts(outputs, n_outputs);
    let bid = slice::from_raw_parts(inputs[0], rows);
    let ask = slice::from_raw_parts(inputs[1], rows);
    let mid = slice::from_raw_parts_mut(outputs[0], rows);
    let spread = slice::from_raw_parts_mut(outputs[1], rows);
    for row in 0..rows {
        mid[row] = (bid[row] + ask[row]) / 2.0;
        spread[row] = ask[row] - bid[row];
    }
    DY_OK
}
