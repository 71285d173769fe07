using Caduceus.Cli;

return await CaduceusCommand.Create().Parse(args).InvokeAsync();
