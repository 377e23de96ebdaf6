//! `tifa-cli`: meetings, phrases, comparisons and exports without a window.

fn main() {
    std::process::exit(tifa::cli::main());
}
