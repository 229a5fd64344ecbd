//! Files the student saves or opens: downloading a backup, reading a chosen file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    offer(file_name, &parts, mime)
}

/// Offers `bytes` as a file download named `file_name` (a zip…).
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    offer(file_name, &parts, mime)
}

/// Offers a Blob of `parts` (strings or byte arrays) as a download, through a link clicked and
/// removed at once.
fn offer(file_name: &str, parts: &js_sys::Array, mime: &str) -> Result<(), String> {
    let fail = |e: JsValue| {
        format!(
            "the browser refused the download ({})",
            super::js_error::describe(&e)
        )
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link).map_err(fail)?;
    link.click();
    link.remove();
    web_sys::Url::revoke_object_url(&url).map_err(fail)?;
    Ok(())
}

/// The first file chosen in a file input, if any.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files()?.get(0)
}

/// A chosen file's text.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// A chosen file's text exactly as stored, a leading byte order mark included (`File.text()`
/// drops it), for files given back with every byte kept; an error if it is not UTF-8.
pub async fn read_exact_text(file: &web_sys::File) -> Result<String, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_string())
}

/// The bytes of one of the app's own files (`path` relative to the page's base), through the
/// service worker's cache when it has them. Only the page's own origin is asked.
pub async fn fetch_own_file(path: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let failed = || format!("{path} could not be fetched");
    let base = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .ok_or_else(failed)?;
    let url = web_sys::Url::new_with_base(path, &base).map_err(|_| failed())?;
    if url.origin() != window.location().origin().map_err(|_| failed())? {
        return Err(format!("{path} is not one of the app's own files"));
    }
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url.href()))
        .await
        .map_err(|_| failed())?
        .dyn_into()
        .map_err(|_| failed())?;
    if !response.ok() {
        return Err(format!(
            "{path} could not be fetched ({})",
            response.status()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
