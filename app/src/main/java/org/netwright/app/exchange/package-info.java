/**
 * What leaves the project and what comes in as a model: File > Export trained model (DJL, ONNX, PyTorch source)
 * and File > Import model (ONNX), each a view + view model over the runner's CLI run in a child process, so the
 * window never waits on the work and shows the CLI's own one-line answers.
 */
package org.netwright.app.exchange;
