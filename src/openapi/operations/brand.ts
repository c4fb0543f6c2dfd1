import { brandResponse, saveBrandSchema } from '../../api-schemas/brand'
import { LOGO_MAX_BYTES } from '../../domain/limits'
import type { NamedBody, Operation } from '../types'

const exampleBrand = {
  displayName: 'Northwind Studio',
  accent: '#1a56db',
  logoUrl: '/brand/logo/3f0a6c1e9b8d7a2c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5.png',
  updatedAt: '2026-12-01T09:30:00.000Z',
}
const brandBody: NamedBody = { name: 'BrandResponse', schema: brandResponse, example: { brand: exampleBrand } }

const linksKeepTheirBrand = 'Links already sent keep the brand they were made with; new links carry the new one.'

export const brandOperations: Operation[] = [
  {
    operationId: 'getBrand',
    method: 'get',
    path: '/api/v1/workspace/brand',
    summary: 'The workspace’s brand on its clients’ pages',
    description: 'All null: the clients see Tether’s own pages. `logoUrl` is a path on this Tether, content-hashed and cached for good.',
    tag: 'brand',
    auth: 'owner',
    responses: { 200: { description: 'The brand.', body: brandBody } },
  },
  {
    operationId: 'saveBrand',
    method: 'put',
    path: '/api/v1/workspace/brand',
    summary: 'Set the display name and accent colour',
    description: `An absent field is kept, null or an empty string clears it. ${linksKeepTheirBrand}`,
    tag: 'brand',
    auth: 'owner',
    requestBody: {
      name: 'SaveBrandRequest',
      schema: saveBrandSchema,
      required: true,
      example: { displayName: 'Northwind Studio', accent: '#1a56db' },
    },
    responses: { 200: { description: 'The brand as saved.', body: brandBody }, 400: 'InvalidRequest' },
  },
  {
    operationId: 'uploadBrandLogo',
    method: 'put',
    path: '/api/v1/workspace/brand/logo',
    summary: 'Upload the logo: the image itself is the body',
    description:
      `PNG, JPEG or WebP, at most ${LOGO_MAX_BYTES} bytes. The type is read from the file’s first bytes, not from Content-Type; ` +
      `SVG (or anything declared as another type) is refused, and so is a URL: Tether serves the logo itself. ${linksKeepTheirBrand}`,
    tag: 'brand',
    auth: 'owner',
    rawBody: { mediaTypes: ['image/png', 'image/jpeg', 'image/webp'], description: 'The image file’s bytes.' },
    responses: { 200: { description: 'The brand with its new logo URL.', body: brandBody }, 400: 'InvalidRequest', 413: 'PayloadTooLarge' },
  },
  {
    operationId: 'deleteBrandLogo',
    method: 'delete',
    path: '/api/v1/workspace/brand/logo',
    summary: 'Remove the logo',
    description: linksKeepTheirBrand,
    tag: 'brand',
    auth: 'owner',
    responses: { 200: { description: 'The brand without a logo.', body: brandBody } },
  },
]
