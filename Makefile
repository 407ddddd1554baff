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
