//! Entry point of the browser build: mount the app, nothing else.

fn main() {
    lectern::start();
}
