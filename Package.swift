// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TicketTrainer",
    products: [
        .executable(name: "ticket-trainer", targets: ["ticket-trainer"]),
        // For the fuzzing package in Fuzz/, which drives the loader directly.
        .library(name: "TicketTrainerFormats", targets: ["TicketTrainerFormats"]),
    ],
    targets: [
        // C libraries from Debian's -dev packages, each reached through one Swift file.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "CEditLineShim",
            dependencies: ["CEditLine"]
        ),

        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // The lesson's world: no I/O, no C.
        .target(name: "TicketTrainerCore"),

        // Files into Core values, every fault a Diagnostic.
        .target(
            name: "TicketTrainerFormats",
            dependencies: ["TicketTrainerCore", "CYAML"]
        ),

        // Attempts and answers in SQLite, one transaction per answer.
        .target(
            name: "TicketTrainerStorage",
            dependencies: ["TicketTrainerCore", "CSQLite"]
        ),

        // libedit, the plain reader, both languages' strings, rendering.
        .target(
            name: "TicketTrainerTerminal",
            dependencies: ["TicketTrainerCore", "CEditLine", "CEditLineShim"]
        ),

        .executableTarget(
            name: "ticket-trainer",
            dependencies: [
                "TicketTrainerCore", "TicketTrainerFormats", "TicketTrainerStorage",
                "TicketTrainerTerminal",
            ]
        ),

        .testTarget(
            name: "TicketTrainerCoreTests",
            dependencies: ["TicketTrainerCore", "TicketTrainerFormats"]
        ),
        .testTarget(
            name: "TicketTrainerFormatsTests",
            dependencies: ["TicketTrainerCore", "TicketTrainerFormats"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TicketTrainerStorageTests",
            dependencies: ["TicketTrainerCore", "TicketTrainerStorage"]
        ),
        // Drives the built binary; `swift build --build-tests` builds it first.
        .testTarget(name: "TicketTrainerEndToEndTests"),
    ]
)
