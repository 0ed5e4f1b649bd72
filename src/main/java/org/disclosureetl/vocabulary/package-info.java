/**
 * The words every stage shares: what became of a document ({@link org.disclosureetl.vocabulary.DocumentStatus}),
 * why a file or document failed ({@link org.disclosureetl.vocabulary.ErrorType}) and in which step
 * ({@link org.disclosureetl.vocabulary.FailureStep}). It imports nothing of the project, so that parse and
 * extract can name a failure or a status without depending on the store that writes it.
 */
package org.disclosureetl.vocabulary;
