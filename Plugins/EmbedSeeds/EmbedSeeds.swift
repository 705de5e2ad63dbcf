import Foundation
import PackagePlugin

/// `EmbedSeeds` compiles the seed articles (`seeds/*.txt`) into the `TinqSeeds` module, so a
/// `tinq` binary copied anywhere on its own still has its default corpus.
@main
struct EmbedSeeds: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let module = target as? SourceModuleTarget else { return [] }
    let folder = module.directoryURL
    let inputs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "txt" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedSeeds.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) seed articles",
        executable: try context.tool(named: "embed-seeds").url,
        arguments: [output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
