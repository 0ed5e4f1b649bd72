/**
 * The words every stage shares: what became of a document ({@link org.disclosureetl.vocabulary.DocumentStatus}),
 * why a file or document failed ({@link org.disclosureetl.vocabulary.ErrorType}) and in which step
 * ({@link org.disclosureetl.vocabulary.FailureStep}), and the template generations with their report years
 * ({@link org.disclosureetl.vocabulary.Generations}); the one reader of the project's CSV data files
 * ({@link org.disclosureetl.vocabulary.ResourceCsv}) and the one edit distance
 * ({@link org.disclosureetl.vocabulary.EditDistance}). It imports nothing of the project (of libraries only the CSV
 * parser), so that parse and extract can name a failure or a status without depending on the store that writes it.
 */
package org.disclosureetl.vocabulary;
