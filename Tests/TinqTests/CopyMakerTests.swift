import Testing

@testable import tinq_bench

/// The synthetic near-copies the story benchmark measures against: reproducible, and each kind
/// does what it says.
@Suite struct CopyMakerTests {
  static let generator = ArticleGenerator(seed: 7)
  static let maker = CopyMaker(seed: 7, rate: 1)

  @Test func copiesAreAPureFunctionOfSeedAndIndex() {
    for i in 0..<20 {
      let original = Self.generator.article(i)
      let a = Self.maker.copies(of: original, index: i).map(\.article)
      let b = Self.maker.copies(of: original, index: i).map(\.article)
      #expect(a == b)
      #expect(!a.isEmpty && a.count <= 3, "rate 1 gives every original one to three copies")
    }
  }

  @Test func eachKindChangesWhatItSays() {
    var seen = Set<CopyKind>()
    for i in 0..<60 {
      let original = Self.generator.article(i)
      for copy in Self.maker.copies(of: original, index: i) {
        #expect(copy.original == original.id)
        #expect(copy.article.id.hasPrefix(original.id + "-copy"))
        seen.formUnion(copy.kinds)
        let lines = copy.article.text.split(separator: "\n", omittingEmptySubsequences: false)
        let originalLines = original.text.split(separator: "\n", omittingEmptySubsequences: false)
        if copy.kinds.contains(.republished) { #expect(copy.article.source != original.source) }
        if copy.kinds.contains(.truncated) { #expect(lines.count < originalLines.count) }
        if copy.kinds.contains(.reheadlined) { #expect(lines.first != originalLines.first) }
        if copy.kinds == [.republished] { #expect(copy.article.text == original.text) }
      }
    }
    #expect(seen == Set(CopyKind.allCases))
  }

  @Test func rateZeroMakesNoCopies() {
    let none = CopyMaker(seed: 7, rate: 0)
    #expect((0..<50).allSatisfy { none.copies(of: Self.generator.article($0), index: $0).isEmpty })
  }
}
