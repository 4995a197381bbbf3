using System.Text.Json.Nodes;

namespace MLOps.Tests.Shared;

/// <summary>The JSON documents of the NuGet v3 protocol the test server answers with (learn.microsoft.com/nuget/api).</summary>
internal static class ServerDocuments
{
    // Every registration @type a client may look for; they all answer with the same (uncompressed) documents.
    private static readonly string[] RegistrationTypes =
        ["RegistrationsBaseUrl", "RegistrationsBaseUrl/3.0.0-beta", "RegistrationsBaseUrl/3.0.0-rc", "RegistrationsBaseUrl/3.4.0", "RegistrationsBaseUrl/3.6.0", "RegistrationsBaseUrl/Versioned"];

    public static JsonObject ServiceIndex(NuGetTestServer server)
    {
        var resources = new JsonArray
        {
            Resource(server.PublishUrl, "PackagePublish/2.0.0"),
            Resource(server.FlatContainerUrl, "PackageBaseAddress/3.0.0"),
        };
        foreach (string type in RegistrationTypes)
            resources.Add(Resource(server.RegistrationUrl, type));
        return new JsonObject { ["version"] = "3.0.0", ["resources"] = resources };
    }

    /// <summary>
    /// The flat container's version list holds unlisted versions too: the protocol says this resource
    /// enumerates "all versions of a package, listed or unlisted", and every version in it must be
    /// downloadable. So restore can still get a pinned version that was unlisted later; only the registration
    /// (the `listed` flag) tells unlisted ones apart.
    /// </summary>
    public static JsonObject FlatVersions(IEnumerable<StoredVersion> versions) =>
        new() { ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)JsonValue.Create(v.LowerVersion))]) };

    /// <summary>A registration index with one inlined page holding every version, lowest first.</summary>
    public static JsonObject RegistrationIndex(NuGetTestServer server, string lowerId, IReadOnlyList<StoredVersion> versions)
    {
        string indexUrl = $"{server.RegistrationUrl}{lowerId}/index.json";
        var page = new JsonObject
        {
            ["@id"] = $"{indexUrl}#page/{versions[0].LowerVersion}/{versions[^1].LowerVersion}",
            ["count"] = versions.Count,
            ["lower"] = versions[0].Package.Version,
            ["upper"] = versions[^1].Package.Version,
            ["items"] = new JsonArray([.. versions.Select(v => (JsonNode)Leaf(server, v))]),
        };
        return new JsonObject { ["@id"] = indexUrl, ["count"] = 1, ["items"] = new JsonArray(page) };
    }

    public static JsonObject RegistrationLeaf(NuGetTestServer server, StoredVersion version)
    {
        JsonObject leaf = Leaf(server, version);
        leaf["registration"] = $"{server.RegistrationUrl}{version.Package.LowerId}/index.json";
        leaf["listed"] = version.Listed;
        leaf["published"] = version.PublishedText;
        return leaf;
    }

    private static JsonObject Leaf(NuGetTestServer server, StoredVersion version)
    {
        ServerPackage package = version.Package;
        string content = server.NupkgUrl(package.LowerId, package.LowerVersion);
        return new JsonObject
        {
            ["@id"] = $"{server.RegistrationUrl}{package.LowerId}/{package.LowerVersion}.json",
            ["catalogEntry"] = new JsonObject
            {
                ["@id"] = $"{server.BaseUrl}catalog/{package.LowerId}/{package.LowerVersion}.json",
                ["id"] = package.Id,
                ["version"] = package.Version,
                ["listed"] = version.Listed,
                ["published"] = version.PublishedText,
                ["packageContent"] = content,
                ["dependencyGroups"] = new JsonArray([.. package.DependencyGroups.Select(g => (JsonNode)Group(g))]),
            },
            ["packageContent"] = content,
        };
    }

    private static JsonObject Group(ServerDependencyGroup group)
    {
        var json = new JsonObject();
        if (group.TargetFramework is not null)
            json["targetFramework"] = group.TargetFramework;
        json["dependencies"] = new JsonArray([.. group.Dependencies.Select(d => (JsonNode)new JsonObject { ["id"] = d.Id, ["range"] = d.Range ?? "" })]);
        return json;
    }

    private static JsonObject Resource(string id, string type) => new() { ["@id"] = id, ["@type"] = type };
}
