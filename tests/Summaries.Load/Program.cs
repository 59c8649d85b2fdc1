using Summaries.Load;

return await LoadProgram.RunAsync(args);
