import Foundation
import Testing
import TinqText

@Suite struct TextTests {
  @Test(arguments: [("hoà", "hòa"), ("thuỷ", "thủy"), ("Uỷ", "ủy"), ("tuý", "túy"), ("KHOÁ", "khóa")])
  func tonePlacementFoldsTogether(old: String, new: String) {
    #expect(Fold.tonedKey(old.unicodeScalars) == Fold.tonedKey(new.unicodeScalars))
  }

  @Test(arguments: [("Đại tướng", "dai tuong"), ("Nguyễn Tân Cương", "nguyen tan cuong"), ("ĐƯỜNG", "duong")])
  func bareKeys(text: String, bare: String) {
    #expect(Fold.matchKey(text, bare: true) == bare)
  }

  @Test func diacriticsAreDetected() {
    #expect(Fold.hasDiacritics("đ"))
    #expect(Fold.hasDiacritics("ma túy"))
    #expect(!Fold.hasDiacritics("ma tuy"))
  }

  @Test func phrasesMatchWholeSyllables() {
    #expect(!Phrase("nh quốc").matches("an ninh quốc gia"))
    #expect(Phrase("ma tuy").matches("tội phạm ma túy"))
    #expect(Phrase("ma túy").matches("tội phạm ma tuý"))
    #expect(!Phrase("ma túy").matches("ma tùy"))
    #expect(Phrase("NĐ-CP").matches("03/2019/NĐ-CP"))
  }

  @Test func vietnameseAlphabeticalOrder() {
    let words = ["Zô", "Ưng", "Uy", "Ea", "Đinh", "Dương", "bân", "băn", "bạn", "bán", "bãn", "bản", "bàn", "ban"]
    let sorted = words.sorted { VietnameseCollation.less(VietnameseCollation.sortKey($0), VietnameseCollation.sortKey($1)) }
    #expect(sorted == ["ban", "bàn", "bản", "bãn", "bán", "bạn", "băn", "bân", "Dương", "Đinh", "Ea", "Uy", "Ưng", "Zô"])
  }

  @Test func displayWidthCountsWhatATerminalShows() {
    let nfc = "Thượng"
    let nfd = nfc.decomposedStringWithCanonicalMapping
    #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
    #expect(DisplayWidth.of(nfc) == 6)
    #expect(DisplayWidth.of(nfd) == 6)
    #expect(DisplayWidth.of("漢字") == 4)
    #expect(DisplayWidth.truncate("Nguyễn Tân Cương", to: 8) == "Nguyễn …")
  }

  @Test func normalisationRemovesTheFormsThatMustNotMatter() {
    #expect(TextNormalizer.normalize("\u{FEFF}a\r\nb\u{00A0}“c”") == "a\nb \"c\"")
    let nfd = "Nghị định".decomposedStringWithCanonicalMapping
    #expect(Array(TextNormalizer.normalize(nfd).unicodeScalars) == Array("Nghị định".unicodeScalars))
  }
}

