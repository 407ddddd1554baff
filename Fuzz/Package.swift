// swift-tools-version: 6.0
// Fuzzes the lesson and scenario loader with libFuzzer. Built only by Scripts/fuzz, with
// -sanitize=fuzzer, because libFuzzer supplies the program's main.
import PackageDescription

let package = Package(
    name: "TicketTrainerFuzz",
    dependencies: [.package(name: "TicketTrainer", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzLoader",
            dependencies: [.product(name: "TicketTrainerFormats", package: "TicketTrainer")]
        )
    ]
)
