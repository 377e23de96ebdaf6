//! `tifa-cli`: meetings, phrases, comparisons and exports without a window.

fn main() {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("error")).init();
    std::process::exit(tifa::cli::main());
}
