// swift-tools-version: 6.0
// Fuzzes the lesson and scenario loader with libFuzzer. Built only by Scripts/fuzz, with
// -sanitize=fuzzer, which links libFuzzer's driver into FuzzLoader.
import PackageDescription

let package = Package(
    name: "TicketTrainerFuzz",
    dependencies: [.package(name: "TicketTrainer", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .executableTarget(
            name: "FuzzLoader",
            dependencies: [
                "CFuzzDriver",
                .product(name: "TicketTrainerFormats", package: "TicketTrainer"),
            ]
        ),
    ]
)
