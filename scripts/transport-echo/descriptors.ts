// .proto files -> @bufbuild/protobuf descriptors at run time, without a code generator:
// protobufjs parses the files (it already ships with @grpc/proto-loader) and emits a
// FileDescriptorSet, which @bufbuild/protobuf turns into a registry of typed descriptors.
import { createFileRegistry, fromBinary, type DescService } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import protobuf from 'protobufjs';
import descriptorExt from 'protobufjs/ext/descriptor/index.js';
import { join } from 'node:path';

export function serviceFromProto(dir: string, files: string[], serviceName: string): DescService {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(dir, target.replace(/^.*\//, ''));
  root.loadSync(files, { keepCase: true });
  root.resolveAll();
  const set = (root as unknown as { toDescriptor(syntax: string): protobuf.Message }).toDescriptor('proto3');
  const bytes = (descriptorExt as unknown as { FileDescriptorSet: protobuf.Type }).FileDescriptorSet.encode(set).finish();
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, bytes));
  const service = registry.getService(serviceName);
  if (!service) throw new Error(`service ${serviceName} not found in ${files.join(', ')}`);
  return service;
}
