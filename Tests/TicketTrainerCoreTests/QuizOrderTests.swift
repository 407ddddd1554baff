import Testing
import TicketTrainerCore

@Suite("Quiz order")
struct QuizOrderTests {
    static let twenty = Array(1...20)

    @Test("As written keeps the files' order")
    func asWritten() {
        #expect(QuizOrder.asWritten.arrange(Self.twenty) == Self.twenty)
    }

    @Test("A shuffle is a permutation", arguments: [0, 1, 42, UInt64.max])
    func permutation(seed: UInt64) {
        let shuffled = QuizOrder.shuffled(seed: seed).arrange(Self.twenty)
        #expect(shuffled.count == 20)
        #expect(shuffled.sorted() == Self.twenty)
    }

    @Test("The same seed gives the same order twice")
    func sameSeed() {
        let first = QuizOrder.shuffled(seed: 2024).arrange(Self.twenty)
        let second = QuizOrder.shuffled(seed: 2024).arrange(Self.twenty)
        #expect(first == second)
    }

    @Test("Different seeds give different orders of twenty tickets")
    func differentSeeds() {
        let orders = (0..<5).map { QuizOrder.shuffled(seed: UInt64($0)).arrange(Self.twenty) }
        #expect(Set(orders).count == 5)
        #expect(!orders.contains(Self.twenty))
    }

    @Test("Empty and one-ticket lists shuffle to themselves")
    func tinyLists() {
        #expect(QuizOrder.shuffled(seed: 7).arrange([Int]()) == [])
        #expect(QuizOrder.shuffled(seed: 7).arrange(["only"]) == ["only"])
    }

    @Test("Fisher-Yates over SplitMix64 with seed 0 orders [0, 1, 2] as [1, 0, 2]")
    func knownShuffle() {
        // Step 1 picks below 3 from 0xE220...: 0xE2/0x100 * 3 = 2.65, so index 2 stays.
        // Step 2 picks below 2 from 0x6E78...: 0x6E/0x100 * 2 = 0.86, so 0 and 1 swap.
        #expect(QuizOrder.shuffled(seed: 0).arrange([0, 1, 2]) == [1, 0, 2])
    }
}

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("Seed 0 gives the published reference outputs")
    func referenceValues() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("A bounded draw is the high word of the output times the bound")
    func bounded() {
        var generator = SplitMix64(seed: 0)
        // 0xE220A8397B1DCDAF * 10 / 2^64 = 8.83...
        #expect(generator.next(below: 10) == 8)
        var ones = SplitMix64(seed: 99)
        #expect((0..<50).allSatisfy { _ in ones.next(below: 1) == 0 })
    }

    @Test("Bounded draws stay below the bound", arguments: [2, 3, 7, 1000] as [UInt64])
    func staysBelow(bound: UInt64) {
        var generator = SplitMix64(seed: bound)
        #expect((0..<500).allSatisfy { _ in generator.next(below: bound) < bound })
    }
}
