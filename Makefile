# The everyday commands. Each installs the Debian packages it needs first.

.PHONY: practice test format lint

practice:
	@Scripts/practice

test:
	@Scripts/test

format:
	swift format --in-place --recursive Package.swift Sources Tests

lint:
	swift format lint --strict --recursive Package.swift Sources Tests

# Times validate, start-up and a piped test against targets; prints a table (Bench/).
.PHONY: bench
bench:
	@Scripts/bench
