// How another program embeds Tinq in its own tests: build a corpus in memory, run queries, and
// assert on typed results. Nothing here touches the file system.
import Foundation
import Testing
import Tinq

@Suite struct EmbeddingExample {
  let corpus = Corpus(articles: [
    Article(
      id: "a", title: "Hội nghị giao ban", date: PartialDate(year: 2020, month: 1, day: 15),
      body: "Hai bộ quán triệt Nghị định số 03/2019/NĐ-CP về phối hợp phòng, chống ma túy.",
      citations: [Citation(type: "Nghị định", number: "03/2019/NĐ-CP", issuer: "CP", year: 2019)],
      people: [PersonMention(name: "Nguyễn Tân Cương", rank: "Thượng tướng")]),
    Article(
      id: "b", date: PartialDate(year: 2021),
      body: "Tiếp tục thực hiện Nghị định số 03 trong năm 2021.",
      citations: [Citation(type: "Nghị định", number: "03", issuer: nil, year: nil, isPartial: true)]),
    Article(id: "c", body: "Bài viết không có ngày và không trích dẫn văn bản nào."),
  ])

  @Test func countsAndRows() throws {
    // The short reference in "b" resolves to the only decree numbered 03 in the corpus.
    #expect(try corpus.query("count articles where cites \"3/2019/nd-cp\"") == .count(2))
    #expect(try corpus.query("count articles where contains \"ma tuy\"") == .count(1))
    #expect(try corpus.query("count articles where year is null") == .count(1))

    guard case .rows(let rows) = try corpus.query("articles where mentions \"nguyen tan cuong\" select id, date") else {
      Issue.record("expected rows")
      return
    }
    #expect(rows.columns == ["id", "date"])
    #expect(rows.rows == [[.text("a"), .date(PartialDate(year: 2020, month: 1, day: 15))]])
  }

  @Test func groupedCountsAreTyped() throws {
    let result = try corpus.query("count articles by year")
    #expect(result == .groups(GroupedCount(field: "year", groups: [(.integer(2020), 1), (.integer(2021), 1), (.null, 1)])))
  }

  @Test func errorsArePositioned() {
    do {
      _ = try corpus.query("articles wher year = 2020")
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 1)
      #expect(error.column == 10)
      #expect(error.rendered.hasPrefix("<query>:1:10: error:"))
    }
  }

  @Test func parseAndCheckWithoutRunning() {
    #expect(Tinq.check("count articles where year >= 2021").isEmpty)
    #expect(Tinq.check("count articles where year >= \"abc\"").count == 1)
  }
}

@Suite struct EmbeddingRawText {
  /// The README's and the `Corpus` doc comment's example: an article with only a body gets the
  /// same facts as the same text in a file.
  @Test func anArticleWithOnlyABodyIsExtracted() throws {
    let corpus = Corpus(articles: [
      Article(id: "a", body: "Thực hiện Nghị định số 03/2019/NĐ-CP của Chính phủ, Thượng tướng Lê Văn Dũng kiểm tra.")
    ])
    #expect(try corpus.query("count articles where cites \"03/2019/NĐ-CP\"") == .count(1))
    #expect(try corpus.query("count articles where mentions \"le van dung\"") == .count(1))
    #expect(try corpus.query("count articles where mentions \"Chính phủ\"") == .count(1))
  }

  @Test func givenFieldsWinAndGivenFactsAreKept() throws {
    let corpus = Corpus(articles: [
      Article(id: "a", source: "Báo X", body: "Hôm nay 5-3-2020, Bộ Công an họp.\n\nTin, ảnh: TRẦN VĂN AN"),
      Article(
        id: "b", body: "Nghị định số 03/2019/NĐ-CP.",
        citations: [Citation(type: "Quyết định", number: "77/QĐ-UBND", issuer: "UBND", year: nil)]),
    ])
    guard case .rows(let rows) = try corpus.query("articles order by id select id, date, source, author") else {
      Issue.record("expected rows")
      return
    }
    #expect(rows.rows[0] == [.text("a"), .date(PartialDate(year: 2020, month: 3, day: 5)), .text("Báo X"), .text("TRẦN VĂN AN")])
    // An article that carries facts is taken as it is: no extraction second-guesses them.
    #expect(try corpus.query("count articles where cites \"03/2019/NĐ-CP\"") == .count(0))
    #expect(try corpus.query("count articles where cites \"77/QĐ-UBND\"") == .count(1))
  }

  @Test func rawTextsAreExtractedAsFilesWouldBe() throws {
    let corpus = Corpus(texts: [
      (id: "x", text: "Tiêu đề bài viết\n\n15/01/2020 - 21:48\n\nBộ Quốc phòng triển khai Nghị định 03/2019/NĐ-CP."),
      (id: "y", text: "Nội dung không có gì đáng chú ý ở đây cả."),
    ])
    #expect(try corpus.query("count articles where year = 2020 and cites \"3/2019/nd-cp\"") == .count(1))
    guard case .rows(let rows) = try corpus.query("articles where id = \"x\" select title") else {
      Issue.record("expected rows")
      return
    }
    #expect(rows.rows == [[.text("Tiêu đề bài viết")]])
  }
}

@Suite struct AddingToAnInMemoryCorpus {
  @Test func loadedArticlesJoinTheOnesBuiltInMemory() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-add-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "Tiếp tục thực hiện Nghị định số 03.".write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    let corpus = Corpus(articles: [
      Article(
        id: "a", body: "Nghị định số 03/2019/NĐ-CP.",
        citations: [Citation(type: "Nghị định", number: "03/2019/NĐ-CP", issuer: "CP", year: 2019)])
    ])
    let both = try corpus.adding(paths: [dir.path])
    #expect(both.articleCount == 2)
    // The loaded article's short reference resolves against the in-memory one.
    #expect(try both.query("count articles where cites \"03/2019/NĐ-CP\"") == .count(2))
  }

  @Test func repeatedIdsAreRenamedAndEveryOperatorAgrees() throws {
    let corpus = Corpus(texts: [(id: "dup", text: "Bài một về ma túy."), (id: "dup", text: "Bài hai về ma túy.")])
    #expect(corpus.warnings.map(\.reason) == ["duplicate id \"dup\" (first at dup); this one is \"dup~2\""])
    #expect(try corpus.query("count articles where id = \"dup\"") == .count(1))
    #expect(try corpus.query("count articles where id in (\"dup\")") == .count(1))
    #expect(try corpus.query("count articles where contains \"ma tuy\"") == .count(2))
    guard case .article(let second) = try corpus.query("show \"dup~2\"") else {
      Issue.record("expected an article")
      return
    }
    #expect(second.article.body == "Bài hai về ma túy.")
  }
}
