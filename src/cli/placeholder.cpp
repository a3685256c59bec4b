namespace wx::cli { int run(int, char**) { return 0; } }
