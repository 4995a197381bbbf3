using Microsoft.ML.Data;

namespace MLOps.Runtime.Tests;

/// <summary>A swap while a call is inside the old model: the call finishes on it, and only then is it disposed.</summary>
[Collection(TrainedModelsCollection.Name)]
public sealed class InFlightSwapTests(TrainedModels models)
{
    [Fact]
    public async Task Should_finish_the_call_on_the_old_model_and_dispose_it_only_then_When_a_swap_happens_during_the_call()
    {
        // Given a service on A, and a call on A held inside the model (ML.NET reading the row's origin waits at a gate)
        using var dir = new MLOps.Tests.Shared.TempFolder("mlops-runtime");
        string folder = TrainedModels.CopyTo(models.A, dir.Combine("FlightDelay"));
        await using var service = ModelService<GatedInput, FlightPrediction>.Start(new() { ModelName = TrainedModels.Name, Directory = folder });
        FlightInput row = models.Rows[3];
        float expected = service.Predict(GatedInput.Open(row)).Value.Probability;
        ModelHost<GatedInput, FlightPrediction> old = service.CurrentHost;
        using var gate = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        Task<Served<FlightPrediction>> call = Task.Run(() => service.Predict(new GatedInput(row, gate, entered)));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the call never reached the model");

        // When B is swapped in meanwhile
        TrainedModels.CopyTo(models.B, folder);
        Assert.Equal(ReloadOutcome.Swapped, (await service.ReloadAsync()).Outcome);

        // Then new calls go to B while A stays alive for the call in flight
        Assert.Equal("1.0.1", service.Predict(GatedInput.Open(row)).Model.Version);
        Assert.False(old.IsDisposed);

        // and when that call finishes, it is answered by A as A answers, and A is disposed
        gate.Set();
        Served<FlightPrediction> answer = await call.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("1.0.0", expected), (answer.Model.Version, answer.Value.Probability));
        Assert.True(old.IsDisposed);
    }

    /// <summary>A flight row whose origin, when ML.NET reads it, waits at a gate.</summary>
    public sealed class GatedInput
    {
        private readonly ManualResetEventSlim? _gate;
        private readonly ManualResetEventSlim? _entered;
        private readonly string _origin = "";

        public GatedInput()
        {
        }

        public GatedInput(FlightInput row, ManualResetEventSlim? gate, ManualResetEventSlim? entered)
        {
            (Date, Distance, _origin, Destination) = (row.Date, row.Distance, row.Origin, row.Destination);
            (_gate, _entered) = (gate, entered);
        }

        [ColumnName("date")]
        public DateTime Date { get; set; }

        [ColumnName("distance")]
        public float Distance { get; set; }

        [ColumnName("origin")]
        public string Origin
        {
            get
            {
                _entered?.Set();
                _gate?.Wait();
                return _origin;
            }

            set { }
        }

        [ColumnName("destination")]
        public string Destination { get; set; } = "";

        public static GatedInput Open(FlightInput row) => new(row, null, null);
    }
}
