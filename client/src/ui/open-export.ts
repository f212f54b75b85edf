import Taro from '@tarojs/taro';

/** Opens an exported .xlsx: in WeChat it is downloaded and opened with wx.openDocument; in H5 it downloads. */
export async function openExport(file: { url: string; fileName: string }): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = file.url;
    link.download = file.fileName;
    link.className = 'export-download';
    document.body.appendChild(link);
    link.click();
    link.remove();
    return;
  }
  const { tempFilePath } = await Taro.downloadFile({ url: file.url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}
