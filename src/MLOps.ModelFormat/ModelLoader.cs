using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace MLOps.ModelFormat;

/// <summary>
/// Loads a saved model with every component the pipeline may have put in it registered first: the date
/// mapping (a CustomMapping ML.NET can only rebuild through its factory) and the tree trainers' model
/// types, whose assemblies a consumer may not have loaded yet.
/// </summary>
public static class ModelLoader
{
    public static void RegisterComponents(MLContext ml)
    {
        ml.ComponentCatalog.RegisterAssembly(typeof(DatePartsFactory).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmBinaryModelParameters).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeBinaryModelParameters).Assembly);
    }

    public static ITransformer Load(MLContext ml, Stream model, out DataViewSchema inputSchema)
    {
        RegisterComponents(ml);
        return ml.Model.Load(model, out inputSchema);
    }

    public static ITransformer Load(MLContext ml, string path, out DataViewSchema inputSchema)
    {
        using var stream = File.OpenRead(path);
        return Load(ml, stream, out inputSchema);
    }
}
