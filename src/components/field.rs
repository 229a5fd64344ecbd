//! A form control bound (`bind:value`, `bind:checked`) to a part of a larger value: a checkbox
//! to one member of a set, a select to one blank of an answer, a switch to one reading setting;
//! and derived signals in general.
//!
//! Both halves are boxed, so every binding of one type (and every derived signal of one type)
//! shares one copy of the code around them, instead of a copy per closure: it keeps the
//! bindings from growing the wasm (docs/performance.md).

use leptos::prelude::*;

/// A signal worked out from others by `get`.
pub fn derived<T>(get: impl Fn() -> T + Send + Sync + 'static) -> Signal<T>
where
    T: Send + Sync + 'static,
{
    let get: Box<dyn Fn() -> T + Send + Sync> = Box::new(get);
    Signal::derive(get)
}

/// The read and write halves of a binding: `get` reads the part, `set` writes it back.
pub fn field<T>(
    get: impl Fn() -> T + Send + Sync + 'static,
    set: impl Fn(T) + Send + Sync + 'static,
) -> (Signal<T>, SignalSetter<T>)
where
    T: Send + Sync + 'static,
{
    (derived(get), SignalSetter::map(set))
}

/// A plain signal as a binding of the same two types as [`field`], and made by it, so every
/// control in the app shares one copy of the binding code for its type (converting the signal
/// instead costs a copy of the conversion code per type: about 0.4 KB brotli more).
pub fn bound<T>(signal: RwSignal<T>) -> (Signal<T>, SignalSetter<T>)
where
    T: Clone + Send + Sync + 'static,
{
    field(move || signal.get(), move |value| signal.set(value))
}
