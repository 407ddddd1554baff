/* The declaration in include/ is all there is; libFuzzer supplies the code. */
