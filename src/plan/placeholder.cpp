// Placeholder so the module's library exists before its first source file; delete when adding one.
