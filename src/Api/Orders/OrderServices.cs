using Backend.Domain.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Api.Orders;

/// <summary>What the order handlers need from the container, bound with <c>[AsParameters]</c> (eShop's OrderServices).</summary>
public sealed record OrderServices(
    IOrderStore Store,
    IPublishEndpoint Publisher,
    TimeProvider Clock,
    IOptions<OrdersApiOptions> Options,
    ILogger<OrderServices> Logger);
