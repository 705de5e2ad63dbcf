import Foundation
import Testing
import Tinq
import TinqEngine
import TinqFacts
import TinqStore
import TinqSupport
import TinqSyntax

/// Self-contained material for the story tests: made-up Vietnamese news, no real article.
enum StoryTexts {
  static let flood = """
    Sáng nay, mưa lớn kéo dài suốt đêm qua đã khiến nhiều tuyến đường ở trung tâm thành phố ngập sâu, \
    giao thông ùn tắc nghiêm trọng trong giờ cao điểm. Theo ban chỉ huy phòng chống thiên tai, lượng mưa \
    đo được tại trạm khí tượng vượt mức trung bình nhiều năm. Hàng trăm hộ dân ở các phường ven sông phải \
    di dời tài sản lên chỗ cao. Lực lượng cứu hộ đã được điều động tới những điểm xung yếu để hỗ trợ người \
    dân, đồng thời cắm biển cảnh báo tại các ngầm tràn. Chính quyền địa phương đề nghị người dân hạn chế \
    ra đường khi không cần thiết và theo dõi sát bản tin dự báo thời tiết trong những ngày tới. Ngành điện \
    cũng tạm ngắt điện tại một số khu vực bị ngập để bảo đảm an toàn cho người dân.
    """
  static let market = """
    Giá rau xanh tại các chợ đầu mối tuần này tăng mạnh do nguồn cung từ các tỉnh phía bắc giảm sút sau \
    đợt rét đậm. Tiểu thương cho biết nhiều mặt hàng như cải bắp, su hào và cà chua đã tăng gần gấp đôi \
    so với tháng trước. Người tiêu dùng chuyển sang mua thực phẩm đông lạnh và rau củ dự trữ để tiết kiệm \
    chi phí. Sở công thương thành phố đã yêu cầu các siêu thị mở thêm điểm bán bình ổn giá và kiểm tra \
    việc niêm yết giá tại các sạp hàng. Dự báo giá sẽ giảm dần khi thời tiết ấm lên vào cuối tháng.
    """
  static let school = """
    Năm học mới, nhiều trường tiểu học ở vùng cao đã hoàn thành việc sửa chữa phòng học và bổ sung bàn ghế \
    cho học sinh. Các thầy cô giáo vận động phụ huynh đưa trẻ đến lớp đúng độ tuổi, đặc biệt là các em \
    người dân tộc thiểu số ở những bản xa. Nhờ nguồn hỗ trợ của tỉnh, bếp ăn bán trú được nâng cấp, bảo đảm \
    bữa trưa đủ chất cho hàng nghìn em nhỏ. Ngành giáo dục cũng tổ chức tập huấn phương pháp dạy tiếng Việt \
    cho giáo viên mới về công tác tại địa bàn khó khăn.
    """
  /// A closing paragraph that several different stories of one outlet share.
  static let boilerplate = """
    Mọi thông tin phản ánh xin gửi về đường dây nóng của tòa soạn, chúng tôi cam kết bảo mật danh tính \
    người cung cấp thông tin và sẽ phản hồi trong thời gian sớm nhất có thể.
    """

  /// `lightlyEdited(_:)` changes three words and drops one.
  static func lightlyEdited(_ s: String) -> String {
    s.replacingOccurrences(of: "nghiêm trọng", with: "kéo dài")
      .replacingOccurrences(of: "Hàng trăm", with: "Hàng chục")
      .replacingOccurrences(of: "đồng thời ", with: "")
  }

  /// `truncated(_:fraction:)` keeps the first part of a text, cut between words.
  static func truncated(_ s: String, fraction: Double) -> String {
    let words = s.split(separator: " ")
    return words.prefix(Int(Double(words.count) * fraction)).joined(separator: " ")
  }

  static func date(_ iso: String) -> PartialDate? { PartialDate(iso: iso) }

  /// The articles of the story tests: one story with four copies, two stories sharing only
  /// boilerplate, one unrelated story, and a caption too short to compare.
  static let articles: [Article] = [
    Article(id: "s1-copy-late", title: "Mưa lớn gây ngập", date: date("2021-03-05"), source: "PLO", body: flood),
    Article(id: "s1-original", title: "Mưa lớn gây ngập nặng", date: date("2021-03-02"), source: "CT", body: flood),
    Article(id: "s1-edited", title: "Mưa lớn gây ngập nặng", date: date("2021-03-03"), source: "BDK", body: lightlyEdited(flood)),
    Article(id: "s1-truncated", title: "Ngập sâu sau mưa", date: date("2021-03"), source: "CT", body: truncated(flood, fraction: 0.8)),
    Article(id: "s1-reheadlined", title: "Thành phố chìm trong biển nước", source: "CAND", body: flood),
    Article(id: "s2-market", title: "Giá rau tăng", date: date("2021-03-02"), source: "CT", body: market + "\n" + boilerplate),
    Article(id: "s3-school", title: "Trường vùng cao", date: date("2021-04-10"), source: "CT", body: school + "\n" + boilerplate),
    Article(id: "s4-caption", title: "Ảnh", date: date("2021-04-11"), body: "Ảnh minh họa."),
  ]
}

@Suite struct StoryClusteringTests {
  static let store = ArticleStore(articles: StoryTexts.articles)

  func storyID(_ id: String) -> String? {
    guard let o = Self.store.metadata.firstIndex(where: { $0.id == id }) else { return nil }
    return Self.store.stories.story(of: o).id
  }

  @Test(arguments: [
    ("s1-copy-late", "an exact copy under another outlet"),
    ("s1-edited", "a light edit"),
    ("s1-truncated", "a truncation to four fifths"),
    ("s1-reheadlined", "a new headline, undated"),
  ])
  func copiesJoinTheEarliestArticle(id: String, what: String) {
    #expect(storyID(id) == "s1-original", "\(what) should join the story")
  }

  @Test(arguments: ["s2-market", "s3-school", "s4-caption"])
  func otherStoriesStandAlone(id: String) {
    #expect(storyID(id) == id, "shared boilerplate or a short caption must not join stories")
  }

  @Test func storyRowsCarryCopiesOutletsAndDates() throws {
    let stories = Self.store.stories
    #expect(stories.all.count == 4)
    let flood = try #require(stories.all.first { $0.id == "s1-original" })
    #expect(flood.copies == 5)
    #expect(flood.sources == ["CT", "BDK", "PLO", "CAND"])
    #expect(flood.first == PartialDate(year: 2021, month: 3, day: 2))
    #expect(flood.last == PartialDate(year: 2021, month: 3, day: 5))
    #expect(Self.store.metadata[flood.members.last ?? 0].id == "s1-reheadlined", "undated copies come last")
    let caption = try #require(stories.all.first { $0.id == "s4-caption" })
    #expect(caption.copies == 1 && caption.sources.isEmpty)
  }

  @Test func sketchesAreDeterministicAndEstimateJaccard() throws {
    let a = StoryClustering.shingles(StoryClustering.syllableHashes(of: StoryTexts.flood))
    let b = StoryClustering.shingles(StoryClustering.syllableHashes(of: StoryTexts.truncated(StoryTexts.flood, fraction: 0.6)))
    let sa = try #require(StoryClustering.sketch(shingles: a))
    let sb = try #require(StoryClustering.sketch(shingles: b))
    #expect(StoryClustering.sketch(shingles: a) == sa)
    let exact = StoryClustering.jaccard(Set(a), Set(b))
    #expect(abs(StoryClustering.similarity(sa, sb) - exact) < 0.2)
    #expect(StoryClustering.sketch(shingles: Array(a.prefix(StoryClustering.minimumShingles - 1))) == nil)
  }

  @Test(arguments: ["Mưa", "LỚN", "Đà", "nang", "COVID", "2021", "x", "ĐỒNG", "quốc"])
  func storeHashesAgreeWithTextHashes(word: String) {
    var bytes = Array(word.utf8)
    let fromBytes = bytes.withUnsafeMutableBufferPointer { StoryClustering.syllableHash(utf8: UnsafeBufferPointer($0)) }
    #expect(fromBytes == StoryClustering.syllableHash(word.unicodeScalars))
  }

  @Test func foldingIgnoresCaseAndDiacritics() {
    #expect(StoryClustering.syllableHashes(of: "Mưa LỚN, gây ngập") == StoryClustering.syllableHashes(of: "mua lon gay ngap"))
  }

  /// A random corpus checked against brute force: every pair whose exact Jaccard similarity is
  /// clearly above the threshold (by 0.3, where LSH misses a pair about once in 30,000) is in one
  /// story, and every story is connected by pairs that are not clearly below it (by 0.2: the
  /// estimate's standard error at 128 bins is at most 0.044).
  @Test(arguments: [1, 2, 3] as [UInt64])
  func lshAgreesWithBruteForce(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let pool = (0..<400).map { "t\($0)" }
    func draw(_ n: Int) -> [String] { (0..<n).map { _ in pool[Int(rng.next() % UInt64(pool.count))] } }
    var texts: [[String]] = []
    for _ in 0..<40 {
      let base = draw(120)
      texts.append(base)
      // Variants at several distances: a word changed every `gap` words.
      for gap in [40, 12, 6, 3] where rng.next() % 2 == 0 {
        var v = base
        var i = Int(rng.next() % UInt64(gap))
        while i < v.count {
          v[i] = pool[Int(rng.next() % UInt64(pool.count))]
          i += gap
        }
        texts.append(v)
      }
    }
    let shingles = texts.map { Set(StoryClustering.shingles(StoryClustering.syllableHashes(of: $0.joined(separator: " ")))) }
    let sketches = shingles.map { StoryClustering.sketch(shingles: Array($0).sorted()) }
    let labels = StoryClustering.labels(sketches: sketches)
    let t = StoryClustering.threshold
    var linked = Array(0..<texts.count)
    func root(_ x: Int) -> Int { linked[x] == x ? x : root(linked[x]) }
    for a in texts.indices {
      for b in (a + 1)..<texts.count {
        let j = StoryClustering.jaccard(shingles[a], shingles[b])
        if j >= t + 0.3 { #expect(labels[a] == labels[b], "pair \(a), \(b) at J = \(j) should be joined") }
        if j >= t - 0.2, root(a) != root(b) { linked[root(a)] = root(b) }
      }
    }
    for a in texts.indices {
      for b in (a + 1)..<texts.count where labels[a] == labels[b] {
        #expect(root(a) == root(b), "\(a) and \(b) joined without a chain of similar pairs")
      }
    }
  }
}

@Suite struct StoryQueryTests {
  static let corpus = Corpus(articles: StoryTexts.articles)

  func answer(_ query: String, on corpus: Corpus = corpus, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    do {
      return Renderer(format: .csv).render(try corpus.query(query))
    } catch {
      return "error: \(error)"
    }
  }

  @Test(arguments: [
    ("count stories", "count\r\n4\r\n"),
    ("count articles distinct story", "count\r\n4\r\n"),
    ("count articles where source = \"CT\" distinct story", "count\r\n3\r\n"),
    (
      "stories where copies >= 3 order by copies desc limit 20",
      "id,title,copies,sources,first,last\r\ns1-original,Mưa lớn gây ngập nặng,5,CT; BDK; PLO; CAND,2021-03-02,2021-03-05\r\n"
    ),
    ("stories where copies = 1 order by id select id, copies", "id,copies\r\ns2-market,1\r\ns3-school,1\r\ns4-caption,1\r\n"),
    ("stories where sources = \"PLO\" select id, articles", "id,articles\r\ns1-original,s1-original; s1-edited; s1-copy-late; s1-truncated; s1-reheadlined\r\n"),
    ("stories where last >= 2021-04 select id", "id\r\ns3-school\r\ns4-caption\r\n"),
    ("articles where story = \"s1-original\" order by id select id", "id\r\ns1-copy-late\r\ns1-edited\r\ns1-original\r\ns1-reheadlined\r\ns1-truncated\r\n"),
    (
      "articles where story = \"s1-original\" and id != \"s1-original\" order by id select id, story",
      "id,story\r\ns1-copy-late,s1-original\r\ns1-edited,s1-original\r\ns1-reheadlined,s1-original\r\ns1-truncated,s1-original\r\n"
    ),
    ("count articles by source distinct story", "source,count\r\nBDK,1\r\nCAND,1\r\nCT,3\r\nPLO,1\r\n,1\r\n"),
    ("count articles by source", "source,count\r\nBDK,1\r\nCAND,1\r\nCT,4\r\nPLO,1\r\n,1\r\n"),
    ("count articles by month distinct story", "month,count\r\n2021-03,2\r\n2021-04,2\r\n,1\r\n"),
    ("count articles by month distinct story order by count desc limit 1", "month,count\r\n2021-03,2\r\n"),
    ("count articles by month distinct story as share", "month,count,total,share\r\n2021-03,2,2,1.000000\r\n2021-04,2,2,1.000000\r\n,1,1,1.000000\r\n"),
    (
      "count articles where source = \"CT\" by month distinct story as share",
      "month,count,total,share\r\n2021-03,2,2,1.000000\r\n2021-04,1,2,0.500000\r\n,0,1,0.000000\r\n"
    ),
    ("count articles by story order by count desc limit 1", "story,count\r\ns1-original,5\r\n"),
  ])
  func storiesAnswer(query: String, expected: String) {
    #expect(answer(query) == expected)
  }

  @Test func twoWayCountCountsStoriesPerCell() {
    let text = answer("count articles where month is not null by month, source distinct story")
    #expect(text.contains("2021-03,CT,2\r\n"))
    #expect(text.contains("2021-03,BDK,1\r\n"))
    #expect(text.contains("2021-04,CT,1\r\n"))
  }

  @Test func snapshotGivesTheSameStories() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-stories-\(UUID().uuidString).tinq").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Self.corpus.save(to: path)
    let opened = try Corpus.open(path)
    for q in ["stories select id, copies, sources, first, last", "articles select id, story", "count articles by month distinct story"] {
      #expect(answer(q, on: opened) == answer(q))
    }
  }

  @Test(arguments: [OutputFormat.table, .csv, .json, .jsonl, .markdown])
  func storiesRenderInEveryFormat(format: OutputFormat) throws {
    let text = Renderer(format: format).render(try Self.corpus.query("stories where copies > 1"))
    #expect(text.contains("s1-original"))
    if format == .json {
      let rows = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
      #expect(rows?.first?["copies"] as? Int == 5)
      #expect((rows?.first?["sources"] as? [String])?.count == 4)
    }
  }

  @Test func explainSaysStoriesAreCountedOnce() throws {
    let text = Renderer(format: .table).render(try Self.corpus.query("explain count articles by year distinct story"))
    #expect(text.contains("distinct: each story once per group"))
  }
}

@Suite struct StorySyntaxTests {
  @Test(arguments: [
    "count articles distinct story",
    "count articles where contains \"ma túy\" by month distinct story",
    "count articles by year, source distinct story",
    "count articles where year >= 2020 by month distinct story as share of articles where source = \"CT\" order by share desc limit 12",
    "stories where copies >= 3 order by copies desc limit 20",
  ])
  func parsesAndPrintsBack(source: String) throws {
    let tree = try Parser.parseStatement(source)
    let printed = Printer.print(tree)
    #expect(printed == source)
    #expect(try Parser.parseStatement(printed).erasingRanges() == tree.erasingRanges())
    _ = try Checker.check(tree, bindings: [:])
  }

  @Test func distinctIsKeptInTheTree() throws {
    guard case .count(let c) = try Parser.parseStatement("count articles by month distinct story") else {
      Issue.record("not a count")
      return
    }
    #expect(c.distinct?.name == "story")
    #expect(c.groupBy?.name == "month")
  }

  @Test func errorsPointAtTheMistake() {
    assertSyntaxDiagnostic("count articles distinct 1️⃣", "expected a field after `distinct`, e.g. `distinct story` at end of input")
    assertSyntaxDiagnostic("count articles by year distinct 1️⃣by", "expected a field after `distinct`, e.g. `distinct story`, found `by`")
    assertSyntaxDiagnostic("count articles distinct story 1️⃣by year", "expected end of statement, found `by`")
    assertSyntaxDiagnostic("count articles distinct 1️⃣source", "`distinct` counts each story once; `distinct source` is not supported")
    assertSyntaxDiagnostic("count articles distinct 1️⃣stori", "unknown field `stori` in articles")
    assertSyntaxDiagnostic("count stories distinct 1️⃣story", "unknown field `story` in stories")
    assertSyntaxDiagnostic("stories where 1️⃣copy >= 3", "unknown field `copy` in stories")
  }
}

/// Invented texts for the outlet rule: one outlet's template series (a fund's weekly report:
/// the same opening and closing around different figures), an outlet's update of its own
/// article, and a reader-question box that is all of a short body.
enum OutletTexts {
  static let fundOpening = """
    Quỹ Tấm Lòng Vàng của tòa soạn xin trân trọng thông báo tới quý bạn đọc kết quả tiếp nhận và \
    chuyển tiền ủng hộ trong tuần qua. Toàn bộ số tiền bạn đọc gửi về đã được ban biên tập đối chiếu \
    với sao kê của ngân hàng và chuyển tới từng hoàn cảnh đúng như tâm nguyện của người gửi. Quỹ chân \
    thành cảm ơn sự đồng hành bền bỉ của các nhà hảo tâm trong và ngoài nước suốt thời gian qua.
    """
  static let fundClosing = """
    Mọi thắc mắc về khoản ủng hộ xin liên hệ trực tiếp bộ phận công tác xã hội của tòa soạn trong giờ \
    hành chính. Bạn đọc có thể tra cứu danh sách chi tiết trên trang của quỹ, mỗi khoản tiền đều được \
    ghi rõ tên người gửi, ngày nhận và địa chỉ của hoàn cảnh được giúp đỡ để tiện theo dõi.
    """
  static let fundWeek1 = """
    Trong tuần thứ nhất của tháng, quỹ đã chuyển hơn bốn mươi triệu đồng tới gia đình bà cụ sống một \
    mình bên bờ suối ở huyện miền núi, giúp cụ sửa lại mái nhà dột nát trước mùa mưa bão, đồng thời \
    trao học bổng cho hai anh em mồ côi đang theo học trường nội trú của tỉnh.
    """
  static let fundWeek2 = """
    Sang tuần thứ hai, nhiều bạn đọc tiếp tục gửi tiền giúp cậu học trò bị tai nạn giao thông phải \
    nằm viện dài ngày ở thành phố, số tiền hơn sáu mươi triệu đồng đã được trao tận tay người mẹ đang \
    bán hàng rong nuôi con, phần còn lại dành cho ca phẫu thuật tim của một bé gái.
    """
  static let issue1 = fundOpening + "\n" + fundWeek1 + "\n" + fundClosing
  static let issue2 = fundOpening + "\n" + fundWeek2 + "\n" + fundClosing

  static let morning = """
    Sáng nay giá vàng miếng trong nước được các doanh nghiệp điều chỉnh tăng mạnh theo đà đi lên của \
    thị trường thế giới sau khi đồng đô la suy yếu. Lúc chín giờ, công ty vàng bạc lớn nhất niêm yết \
    giá mua vào và bán ra cao hơn chốt phiên hôm qua khoảng ba trăm nghìn đồng mỗi lượng, chênh lệch \
    giữa hai chiều giao dịch vẫn ở mức cao. Nhiều người dân xếp hàng bán vàng chốt lời ngay từ đầu \
    giờ, trong khi lượng khách mua vào khá thưa thớt. Các chuyên gia cho rằng thị trường còn biến \
    động trong những ngày tới và khuyên nhà đầu tư nhỏ lẻ thận trọng.
    """
  static let afternoonAddition = """
    Đến đầu giờ chiều, giá vàng tiếp tục leo thang thêm hai trăm nghìn đồng nữa, lập mức cao nhất \
    trong vòng một tháng qua. Ngân hàng nhà nước cho biết sẽ theo dõi sát diễn biến và sẵn sàng can \
    thiệp để bình ổn thị trường nếu cần thiết.
    """
  static let afternoon = morning + "\n" + afternoonAddition

  static let questionFooter = "Xem thêm bảng giá xe mới. Câu hỏi cần tư vấn xin gửi về hộp thư của chuyên mục xe."
  static let question1 = "Xe cũ có nên mua? " + questionFooter
  static let question2 = "Mất giấy sang tên được? " + questionFooter
}

@Suite struct StoryOutletRuleTests {
  static let day1 = PartialDate(iso: "2016-10-03")
  static let day2 = PartialDate(iso: "2016-10-10")

  struct Case: Sendable, CustomTestStringConvertible {
    var what: String
    var texts: (String, String)
    var outlets: (String?, String?)
    var dates: (PartialDate?, PartialDate?)
    var joined: Bool
    var testDescription: String { what }
  }

  static let cases: [Case] = [
    Case(
      what: "two issues of one outlet's weekly template, a week apart, are two stories", texts: (OutletTexts.issue1, OutletTexts.issue2),
      outlets: ("DT", "DT"), dates: (day1, day2), joined: false),
    Case(
      what: "two undated issues of one outlet's template are two stories", texts: (OutletTexts.issue1, OutletTexts.issue2),
      outlets: ("DT", "DT"), dates: (nil, nil), joined: false),
    Case(
      what: "the same two texts under two outlets are joined: across outlets the similarity alone decides",
      texts: (OutletTexts.issue1, OutletTexts.issue2), outlets: ("DT", "VNE"), dates: (day1, day2), joined: true),
    Case(
      what: "the same two texts with outlets unknown are joined", texts: (OutletTexts.issue1, OutletTexts.issue2), outlets: (nil, nil),
      dates: (day1, day2), joined: true),
    Case(
      what: "one outlet's two texts of one day are joined (a same-day rewrite)", texts: (OutletTexts.issue1, OutletTexts.issue2),
      outlets: ("DT", "DT"), dates: (day1, day1), joined: true),
    Case(
      what: "one outlet's morning text inside its afternoon update is one story", texts: (OutletTexts.morning, OutletTexts.afternoon),
      outlets: ("VOV", "VOV"), dates: (day1, day1), joined: true),
    Case(
      what: "one outlet's text inside its next-day update is one story (containment)", texts: (OutletTexts.morning, OutletTexts.afternoon),
      outlets: ("VOV", "VOV"), dates: (day1, day2), joined: true),
    Case(
      what: "a cross-outlet copy is one story", texts: (OutletTexts.afternoon, OutletTexts.afternoon), outlets: ("VOV", "TTXVN"),
      dates: (day1, day2), joined: true),
    Case(
      what: "one outlet's two short bodies sharing only its reader-question box are two stories, even on one day",
      texts: (OutletTexts.question1, OutletTexts.question2), outlets: ("VNE", "VNE"), dates: (day1, day1), joined: false),
    Case(
      what: "the same short bodies under two outlets are joined", texts: (OutletTexts.question1, OutletTexts.question2),
      outlets: ("VNE", "DT"), dates: (day1, day1), joined: true),
  ]

  static func sketch(_ text: String) -> StoryClustering.Sketch? {
    StoryClustering.sketch(shingles: StoryClustering.shingles(StoryClustering.syllableHashes(of: text)))
  }

  @Test(arguments: cases)
  func outletRule(_ c: Case) throws {
    let sketches = [Self.sketch(c.texts.0), Self.sketch(c.texts.1)]
    let labels = StoryClustering.labels(sketches: sketches, outlets: [c.outlets.0, c.outlets.1], dates: [c.dates.0, c.dates.1])
    #expect((labels[0] == labels[1]) == c.joined, "\(c.what)")
  }

  /// The texts are what the cases say: the template issues are similar enough to join across
  /// outlets but share little more than half of each; the update holds all of the morning text;
  /// the question box is a sentence or two.
  @Test func textsHaveTheIntendedOverlap() throws {
    func shingles(_ s: String) -> Set<UInt64> { Set(StoryClustering.shingles(StoryClustering.syllableHashes(of: s))) }
    let (i1, i2) = (shingles(OutletTexts.issue1), shingles(OutletTexts.issue2))
    let shared = Double(i1.intersection(i2).count)
    #expect(StoryClustering.jaccard(i1, i2) > 0.45)
    #expect(shared / Double(min(i1.count, i2.count)) < 0.75)
    let (m, a) = (shingles(OutletTexts.morning), shingles(OutletTexts.afternoon))
    #expect(m.isSubset(of: a))
    let (q1, q2) = (shingles(OutletTexts.question1), shingles(OutletTexts.question2))
    #expect(q1.intersection(q2).count < Int(StoryClustering.sameOutletShared) - 8)
    #expect(StoryClustering.jaccard(q1, q2) > 0.45)
  }

  /// The store passes each article's outlet and date to the clustering, as a load does.
  @Test func theStoreAppliesTheOutletRule() {
    let articles = [
      Article(id: "fund-1", title: "Quỹ tuần 1", date: Self.day1, source: "DT", body: OutletTexts.issue1),
      Article(id: "fund-2", title: "Quỹ tuần 2", date: Self.day2, source: "DT", body: OutletTexts.issue2),
      Article(id: "gold-am", title: "Vàng tăng", date: Self.day1, source: "VOV", body: OutletTexts.morning),
      Article(id: "gold-pm", title: "Vàng tăng tiếp", date: Self.day1, source: "VOV", body: OutletTexts.afternoon),
      Article(id: "gold-copy", title: "Giá vàng lập đỉnh", date: Self.day2, source: "TTXVN", body: OutletTexts.afternoon),
    ]
    let store = ArticleStore(articles: articles)
    let stories = store.stories
    func story(_ id: String) -> String? {
      store.metadata.firstIndex { $0.id == id }.map { stories.story(of: $0).id }
    }
    #expect(story("fund-1") == "fund-1")
    #expect(story("fund-2") == "fund-2")
    #expect(story("gold-pm") == "gold-am")
    #expect(story("gold-copy") == "gold-am")
  }
}
