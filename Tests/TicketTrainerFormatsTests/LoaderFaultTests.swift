import Foundation
import Testing
import TicketTrainerCore
import TicketTrainerFormats

/// A fixture with faults, and every finding the loader must report about it.
struct FaultCase: CustomTestStringConvertible, Sendable {
    var fixture: String
    var why: String
    var findings: [Finding]

    var testDescription: String { "\(why) (\(fixture))" }
}

@Suite("Loader faults, with line and column")
struct LoaderFaultTests {
    static let cases: [FaultCase] = [
        FaultCase(
            fixture: "scenario-unknown-key.yaml", why: "an unknown key, with 'did you mean'",
            findings: [
                Finding(
                    line: 6, column: 5, words: ["unknown key 'tiket'"],
                    note: ["did you mean 'ticket'?"]),
                // Without its ticket the scenario also lacks a required key.
                Finding(line: 5, column: 5, words: ["missing 'ticket'"]),
            ]),
        FaultCase(
            fixture: "lesson-unknown-key.yaml", why: "an unknown lesson key, with 'did you mean'",
            findings: [
                Finding(
                    line: 4, column: 1, words: ["unknown key 'pas_mark'"],
                    note: ["did you mean 'pass_mark'?"]),
                Finding(line: 2, column: 1, words: ["missing 'pass_mark'"]),
            ]),
        FaultCase(
            fixture: "scenario-missing-key.yaml", why: "a missing required key",
            findings: [Finding(line: 3, column: 5, words: ["missing 'facts'"])]),
        FaultCase(
            fixture: "scenario-wrong-kind.yaml", why: "a list where text is wanted",
            findings: [Finding(line: 3, column: 9, words: ["'id'", "should be text", "a list"])]),
        FaultCase(
            fixture: "unknown-fact.yaml", why: "an unknown fact",
            findings: [
                Finding(
                    line: 8, column: 7, words: ["unknown fact 'sales_stoped'"],
                    note: ["did you mean 'sales_stopped'?"])
            ]),
        FaultCase(
            fixture: "unknown-fact-value.yaml", why: "an unknown value of a fact",
            findings: [
                Finding(
                    line: 7, column: 16, words: ["'faults'", "not a value of fact 'request'"],
                    note: ["did you mean 'fault'?"])
            ]),
        FaultCase(
            fixture: "unknown-label.yaml", why: "an unknown label in 'expect'",
            findings: [
                Finding(
                    line: 9, column: 17, words: ["'Urgentă'", "not a choice of 'priority'"],
                    note: ["'Ridicată'", "'Normală'", "'Redusă'"])
            ]),
        FaultCase(
            fixture: "quoted-true.yaml", why: "a boolean written as a quoted \"true\"",
            findings: [
                Finding(
                    line: 8, column: 22, words: ["'sales_stopped'", "true or false"],
                    note: ["remove the quotes"])
            ]),
        FaultCase(
            fixture: "duplicate-key.yaml", why: "a key given twice, reported at the second",
            findings: [
                Finding(
                    line: 9, column: 7, words: ["duplicate key 'request'"], note: ["line 7"])
            ]),
        FaultCase(
            fixture: "alias.yaml", why: "an alias",
            findings: [Finding(line: 8, column: 13, words: ["aliases", "not allowed"])]),
        FaultCase(
            fixture: "billion-laughs.yaml", why: "a billion laughs, stopped at the first alias",
            findings: [Finding(line: 3, column: 8, words: ["aliases", "not allowed"])]),
        FaultCase(
            fixture: "tab-indentation.yaml", why: "a tab used to indent",
            findings: [Finding(line: 5, column: 1, words: ["tab"])]),
        FaultCase(
            fixture: "invalid-utf8.yaml", why: "bytes that are not UTF-8",
            findings: [Finding(line: 6, column: 19, words: ["UTF-8"])]),
        FaultCase(
            fixture: "raw-escape.yaml", why: "a raw control character",
            findings: [Finding(line: 5, column: 19, words: ["control character"])]),
        FaultCase(
            fixture: "empty.yaml", why: "an empty file",
            findings: [Finding(line: 1, column: 1, words: ["empty"])]),
        FaultCase(
            fixture: "comments-only.yaml", why: "a file of comments only",
            findings: [Finding(line: 1, column: 1, words: ["empty"])]),
        FaultCase(
            fixture: "two-documents.yaml", why: "a second YAML document",
            findings: [Finding(line: 6, column: 1, words: ["second YAML document"])]),
        FaultCase(
            fixture: "several-faults.yaml", why: "five faults in one file, all reported",
            findings: [
                Finding(line: 8, column: 7, words: ["unknown fact 'operator_eror'"]),
                Finding(line: 11, column: 12, words: ["'facts' should be a mapping", "a list"]),
                Finding(line: 16, column: 22, words: ["'sales_stopped'", "true or false"]),
                Finding(line: 18, column: 17, words: ["'Gravă'", "not a choice of 'severity'"]),
                Finding(line: 20, column: 5, words: ["unknown key 'tichet'"]),
                Finding(line: 19, column: 5, words: ["missing 'ticket'"]),
            ]),
    ]

    @Test(arguments: cases)
    func reports(_ fault: FaultCase) throws {
        let path = try Files.fixture(fault.fixture)
        // A lesson fixture stands alone; a scenario fixture is read against the bundled lesson.
        let isLesson = fault.fixture.hasPrefix("lesson-")
        let course = CourseLoader().load(isLesson ? [path] : [Files.lesson, path])
        expectFindings(course.diagnostics, in: path, fault.findings)
    }

    @Test("The fixtures that test bytes still hold those bytes")
    func fixtureBytes() throws {
        #expect(try Files.bytes(of: "tab-indentation.yaml").contains(0x09))
        #expect(try Files.bytes(of: "invalid-utf8.yaml").contains(0xC3))
        #expect(try Files.bytes(of: "raw-escape.yaml").contains(0x1B))
        #expect(try Files.bytes(of: "empty.yaml").isEmpty)
        #expect(Array(try Files.bytes(of: "bom.yaml").prefix(3)) == [0xEF, 0xBB, 0xBF])
        let crlf = try Files.bytes(of: "crlf.yaml")
        let lineFeeds = crlf.indices.filter { crlf[$0] == 0x0A }
        #expect(lineFeeds.count == 14)
        #expect(lineFeeds.allSatisfy { $0 > 0 && crlf[$0 - 1] == 0x0D })
    }

    @Test("A file that does not exist is reported, not a crash")
    func missingFile() {
        let path = "/nonexistent/ticket-trainer/none.yaml"
        let course = CourseLoader().load([path])
        expectFindings(
            course.diagnostics, in: path, [Finding(line: 1, column: 1, words: ["no such file"])])
    }

    @Test("A scenario with a fault is left out; the lesson still loads")
    func faultyScenariosAreLeftOut() throws {
        let (course, _) = try Files.loadScenarios("several-faults.yaml")
        #expect(course.lessons.map(\.id) == ["crm-ticket-monitor"])
        // Every one of the four tickets has a fault in its ticket or its facts.
        #expect(course.banks.flatMap(\.scenarios).isEmpty)
    }
}
