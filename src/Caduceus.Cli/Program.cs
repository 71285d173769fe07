using Caduceus.Cli;

var parse = CaduceusCommand.Create().Parse(args);
if (parse.Errors.Count > 0)
{
    // One line and exit 2, like every other bad input; the full usage is one --help away.
    return CommandErrors.Fail($"{parse.Errors[0].Message} (see 'caduceus --help')");
}

return await parse.InvokeAsync();
