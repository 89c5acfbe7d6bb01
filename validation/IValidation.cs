namespace PdeNet.Validation;

/// <summary>One reproducible check outside the test suite: it runs, measures and reports.</summary>
internal interface IValidation
{
    /// <summary>Name on the command line and of the report files.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    string Description { get; }

    /// <summary>Runs the check, writing any field files into <paramref name="outputDirectory"/>.</summary>
    ValidationReport Run(string outputDirectory);
}
