import CFuzzDriver
import Foundation
import TicketTrainerCore
import TicketTrainerFormats

/// One input: the bytes are written as a scenario file next to the bundled
/// lesson and as a lesson file of their own, and both are loaded and checked. Any crash,
/// hang or runaway allocation is a bug; diagnostics are the expected outcome.
func fuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    let parsed = YAMLParser().parse(bytes, file: "input.yaml")
    guard parsed.root != nil else { return 0 }

    let input = FuzzFiles.folder + "/input.yaml"
    guard FileManager.default.createFile(atPath: input, contents: Data(bytes)) else { return 0 }
    let course = CourseLoader().load([FuzzFiles.lesson, input])
    for lesson in course.lessons {
        _ = TableAnalysis(lesson: lesson).findings()
        _ = ScenarioAudit(lesson: lesson).check(course.banks)
    }
    return 0
}

/// A private folder for the input file, and the bundled lesson beside it.
enum FuzzFiles {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "ticket-trainer-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static let lesson: String = {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("Lessons/crm-ticket-monitor.yaml").path
    }()
}

// SwiftPM gives an executable its own main; libFuzzer's driver runs from it.
var argumentCount = CommandLine.argc
var argumentVector = CommandLine.unsafeArgv
exit(
    LLVMFuzzerRunDriver(&argumentCount, &argumentVector) { data, size in
        fuzzLoader(data, size)
    })
