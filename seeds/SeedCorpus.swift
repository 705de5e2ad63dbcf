import Foundation

/// `SeedCorpus` locates the bundled seed articles, Tinq's default corpus.
///
/// SwiftPM's generated `Bundle.module` stops the program when its bundle is missing, so the
/// lookup is done by hand: the resource bundle beside the running executable (or test bundle),
/// then the `seeds/` folder of the source tree this binary was built from.
public enum SeedCorpus {
  /// The names of the seed article files.
  public static let fileNames = [
    "000_d0844a13450a2335.txt",
    "001_0ef710d98552a17e.txt",
    "002_33d00f0403656af6.txt",
    "003_d538e3b866b5af87.txt",
    "004_adcf2f97b390286b.txt",
  ]

  /// `directory()` returns the folder holding the seed articles, or nil when none can be found.
  public static func directory() -> URL? {
    let fm = FileManager.default
    var candidates: [URL] = []
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    for base in [
      executable.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
    ] {
      candidates.append(base.appendingPathComponent("Tinq_TinqSeeds.resources"))
    }
    candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
    for dir in candidates {
      let probe = dir.appendingPathComponent(fileNames[0])
      if fm.fileExists(atPath: probe.path) { return dir }
    }
    return nil
  }

  /// `paths()` returns the full paths of the seed article files, or nil when they cannot be found.
  public static func paths() -> [String]? {
    guard let dir = directory() else { return nil }
    return fileNames.map { dir.appendingPathComponent($0).path }
  }
}
