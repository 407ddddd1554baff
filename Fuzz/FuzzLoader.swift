import CYAML
import Foundation

// Compiled by Scripts/fuzz into one module with the Core and Formats sources, so the
// project's modules are not imported here.

/// libFuzzer's entry point: the bytes are parsed, then loaded as a file next to the
/// bundled lesson, and the lesson and scenarios found are checked. A crash, a hang or a
/// runaway allocation is a bug; diagnostics are the expected outcome.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
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

    static let lesson: String =
        ProcessInfo.processInfo.environment["TICKET_TRAINER_LESSON"]
        ?? "Lessons/crm-ticket-monitor.yaml"
}
