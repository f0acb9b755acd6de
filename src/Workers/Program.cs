using Backend.Fulfilment;
using Backend.Fulfilment.FailedMessages;
using Backend.Hosting;
using Backend.Messaging;
using Backend.Store;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("workers");
builder.AddStore();
builder.AddMessaging(bus => bus.AddFulfilmentConsumers());
builder.AddFulfilment();
builder.AddFailedMessageIngestion();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
