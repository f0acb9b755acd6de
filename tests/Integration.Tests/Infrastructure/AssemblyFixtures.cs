using Backend.Integration.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(RabbitMqBroker))]
