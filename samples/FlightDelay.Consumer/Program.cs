// Scores one flight with the packaged FlightDelay model: no ML.NET code, only the package's typed API.
// Usage: FlightDelay.Consumer [departure yyyy-MM-ddTHH:mm] [origin] [destination] [distance miles]
using System.Globalization;
using FlightDelay.Model;

var departure = args.Length > 0 ? DateTime.Parse(args[0], CultureInfo.InvariantCulture) : new DateTime(2001, 3, 2, 17, 45, 0);
var flight = new FlightDelayInput
{
    Date = departure,
    Origin = args.Length > 1 ? args[1] : "SFO",
    Destination = args.Length > 2 ? args[2] : "LAX",
    Distance = args.Length > 3 ? float.Parse(args[3], CultureInfo.InvariantCulture) : 337,
};

var model = FlightDelayModel.Load();
FlightDelayPrediction p = model.Predict(flight);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"FlightDelay {model.Version}: {flight.Origin}->{flight.Destination} at {flight.Date:yyyy-MM-dd HH:mm}: delayed > 15 min: {p.PredictedLabel} (probability {p.Probability:0.000})"));
