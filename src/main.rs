fn main() {
    std::process::exit(attune::main_exit_code());
}
